/**
 * A FAKE Kubernetes API server for tests: node:http on 127.0.0.1, a random port, plain http. It
 * speaks the paths and object shapes the real `@kubernetes/client-node` client uses (lists with
 * `kind`/`apiVersion`/`metadata`, 404 `Status` objects, `labelSelector`/`fieldSelector`, pod logs
 * as text) over an in-memory store, checks the bearer token, records every request, and can play a
 * scripted k6-operator: a TestRun advances one stage per read, runner Jobs and pods appear, exit.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// biome-ignore lint/suspicious/noExplicitAny: the fake stores raw JSON objects of any kind
export type KubeObject = Record<string, any>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
}

interface ResourceType {
  group: string;
  version: string;
  /** Cluster-scoped: no namespace in its path or metadata (stored under the namespace ''). */
  cluster?: boolean;
  plural: string;
  kind: string;
}

const RESOURCES: ResourceType[] = [
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod' },
  { group: '', version: 'v1', plural: 'events', kind: 'Event' },
  { group: 'apps', version: 'v1', plural: 'deployments', kind: 'Deployment' },
  { group: 'apps', version: 'v1', plural: 'statefulsets', kind: 'StatefulSet' },
  { group: 'apps', version: 'v1', plural: 'daemonsets', kind: 'DaemonSet' },
  { group: 'batch', version: 'v1', plural: 'jobs', kind: 'Job' },
  { group: 'k6.io', version: 'v1alpha1', plural: 'testruns', kind: 'TestRun' },
  { group: '', version: 'v1', plural: 'services', kind: 'Service' },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap' },
  { group: '', version: 'v1', plural: 'secrets', kind: 'Secret' },
  { group: 'cert-manager.io', version: 'v1', plural: 'certificates', kind: 'Certificate' },
  { group: 'networking.istio.io', version: 'v1', plural: 'virtualservices', kind: 'VirtualService' },
  { group: 'networking.istio.io', version: 'v1', plural: 'gateways', kind: 'Gateway' },
  { group: 'networking.istio.io', version: 'v1', plural: 'destinationrules', kind: 'DestinationRule' },
  { group: 'networking.istio.io', version: 'v1alpha3', plural: 'envoyfilters', kind: 'EnvoyFilter' },
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', cluster: true },
  { group: 'cert-manager.io', version: 'v1', plural: 'clusterissuers', kind: 'ClusterIssuer', cluster: true },
  { group: 'cert-manager.io', version: 'v1', plural: 'issuers', kind: 'Issuer' },
];

/** A request the API server proxies to a Service (`…/services/<scheme>:<name>:<port>/proxy/<path>`). */
export interface ServiceProxyRequest {
  namespace: string;
  /** The proxy target as written in the path, e.g. `http:monitoring-prometheus:http-web`. */
  service: string;
  /** The path after `/proxy/`, e.g. `api/v1/query`. */
  path: string;
  method: string;
  body: unknown;
}

export interface ServiceProxyReply {
  status: number;
  /** Sent as JSON unless a string. */
  body: unknown;
}

const apiVersionOf = (r: ResourceType): string => (r.group === '' ? r.version : `${r.group}/${r.version}`);

/** How one scripted runner behaves once k6-operator creates it. */
export type RunnerScript =
  | { exitCode: number; log?: string; reason?: string }
  /** Never starts: the pod stays Pending with this waiting reason (and a Warning event). */
  | { waiting: { reason: string; message: string } };

export interface K6OperatorScript {
  runners: RunnerScript[];
  /** The stage after the runners ended. Default `finished` (even when a runner failed). */
  finalStage?: 'finished' | 'error';
  /** Create no Job and no pod for these 1-based runner indexes. */
  missing?: number[];
}

/**
 * How the scripted Job controller plays each batch/v1 Job created from now on: it makes one pod
 * from the Job's template (labels `job-name`, `batch.kubernetes.io/job-name`, `controller-uid` added,
 * owner reference to the Job) and moves it on as the Job is read.
 */
export type JobScript =
  /** The pod runs, then after `runningReads` reads of the Job (default 1) terminates with this exit code and log. */
  | { exitCode: number; log?: string; reason?: string; runningReads?: number }
  /** Never starts: the pod stays Pending with this waiting reason (and a Warning event on the pod). */
  | { waiting: { reason: string; message: string } }
  /** The controller cannot create the pod (e.g. admission refused it): no pod, a Warning event on the Job. */
  | { noPod: { reason: string; message: string } };

export interface FakeKubeApi {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  token: string;
  requests: RecordedRequest[];
  /** Insert or replace an object; `plural` names its type, e.g. `pods`. */
  put(plural: string, object: KubeObject): void;
  get(plural: string, namespace: string, name: string): KubeObject | undefined;
  list(plural: string, namespace?: string): KubeObject[];
  remove(plural: string, namespace: string, name: string): void;
  setLog(namespace: string, pod: string, text: string): void;
  /** Play k6-operator for every TestRun created from now on. */
  scriptK6Operator(script: K6OperatorScript): void;
  /** Answer 404 for a resource type from now on, as a cluster without its CRD does. */
  hide(plural: string): void;
  /** Called before each request is served (scripted progress). */
  onRequest(hook: (request: RecordedRequest) => void): void;
  /** Answer Service proxy requests (after the token check) with this handler; 503 without one. */
  serveProxy(handler: (request: ServiceProxyRequest) => ServiceProxyReply): void;
  /** TestRuns deleted, `namespace/name`. */
  deletedTestRuns: string[];
  /** Play a Job controller for every batch/v1 Job created from now on. */
  scriptJobs(script: JobScript): void;
  /** Jobs deleted, `namespace/name`; their pods go with them (owner reference). */
  deletedJobs: string[];
  close(): Promise<void>;
}

function status(code: number, reason: string, message: string, details: KubeObject = {}): KubeObject {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details,
    code,
  };
}

function parseSelector(selector: string | undefined): Array<(labels: Record<string, string>) => boolean> {
  if (!selector) return [];
  return selector
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const notEqual = part.match(/^([^!=]+)!=(.*)$/);
      if (notEqual) return (labels) => labels[notEqual[1] as string] !== notEqual[2];
      const equal = part.match(/^([^!=]+)==?(.*)$/);
      if (equal) return (labels) => labels[equal[1] as string] === equal[2];
      if (part.startsWith('!')) return (labels) => !(part.slice(1) in labels);
      return (labels) => part in labels;
    });
}

function fieldValue(object: KubeObject, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as KubeObject | undefined)?.[key], object);
}

function matchesFields(object: KubeObject, selector: string | undefined): boolean {
  if (!selector) return true;
  return selector.split(',').every((part) => {
    const [path, value] = part.split('=') as [string, string];
    return String(fieldValue(object, path)) === value;
  });
}

export async function startFakeKubeApi(token = 'fake-token-S3CR3T-abc123'): Promise<FakeKubeApi> {
  const store = new Map<string, Map<string, KubeObject>>();
  const logs = new Map<string, string>();
  const requests: RecordedRequest[] = [];
  const hooks: Array<(request: RecordedRequest) => void> = [];
  const deletedTestRuns: string[] = [];
  const hidden = new Set<string>();
  let proxyHandler: ((request: ServiceProxyRequest) => ServiceProxyReply) | null = null;
  let script: K6OperatorScript | null = null;
  let resourceVersion = 1;
  let uid = 1;

  const bucket = (plural: string): Map<string, KubeObject> => {
    let map = store.get(plural);
    if (!map) {
      map = new Map();
      store.set(plural, map);
    }
    return map;
  };
  const typeOf = (plural: string): ResourceType => {
    const type = RESOURCES.find((r) => r.plural === plural);
    if (!type) throw new Error(`fake-kube-api: unknown resource ${plural}`);
    return type;
  };
  const put = (plural: string, input: KubeObject): void => {
    const type = typeOf(plural);
    // As the API server does: a Secret's stringData is stored base64-encoded under data.
    const object: KubeObject =
      plural === 'secrets' && input.stringData
        ? {
            ...input,
            stringData: undefined,
            data: {
              ...(input.data ?? {}),
              ...Object.fromEntries(
                Object.entries(input.stringData as Record<string, string>).map(([k, v]) => [
                  k,
                  Buffer.from(v, 'utf8').toString('base64'),
                ]),
              ),
            },
          }
        : input;
    const { namespace: given, ...metadata } = object.metadata ?? {};
    const namespace = type.cluster ? '' : (given ?? 'default');
    resourceVersion += 1;
    const stored: KubeObject = {
      ...object,
      apiVersion: apiVersionOf(type),
      kind: type.kind,
      metadata: {
        uid: `uid-${uid++}`,
        creationTimestamp: new Date().toISOString(),
        ...metadata,
        ...(type.cluster ? {} : { namespace }),
        resourceVersion: String(resourceVersion),
      },
    };
    bucket(plural).set(`${namespace}/${metadata.name}`, stored);
  };
  const get = (plural: string, namespace: string, name: string) => bucket(plural).get(`${namespace}/${name}`);
  const list = (plural: string, namespace?: string) =>
    [...bucket(plural).values()].filter(
      (o) => namespace === undefined || namespace === '' || o.metadata.namespace === namespace,
    );
  const remove = (plural: string, namespace: string, name: string) => {
    bucket(plural).delete(`${namespace}/${name}`);
  };
  /** The Warning event a kubelet records for a pod whose image cannot be pulled. */
  const putPullFailure = (namespace: string, podName: string, message: string, suffix: string) =>
    put('events', {
      metadata: { name: `${podName}.evt${suffix}`, namespace },
      involvedObject: { kind: 'Pod', name: podName, namespace },
      type: 'Warning',
      reason: 'Failed',
      message,
      count: 4,
      lastTimestamp: new Date().toISOString(),
    });

  // ------------------------------------------------------------ scripted k6-operator

  const runnerLabels = (testRun: string, job: string) => ({
    app: 'k6',
    k6_cr: testRun,
    runner: 'true',
    'job-name': job,
    'batch.kubernetes.io/job-name': job,
  });

  const createRunners = (testRun: KubeObject, s: K6OperatorScript): void => {
    const { name, namespace } = testRun.metadata;
    const parallelism: number = testRun.spec.parallelism;
    const owner = [
      { apiVersion: 'k6.io/v1alpha1', kind: 'TestRun', name, uid: testRun.metadata.uid, controller: true },
    ];
    for (let i = 1; i <= parallelism; i += 1) {
      if (s.missing?.includes(i)) continue;
      const job = `${name}-${i}`;
      const runner = s.runners[i - 1] ?? { exitCode: 0 };
      put('jobs', {
        metadata: {
          name: job,
          namespace,
          labels: { app: 'k6', k6_cr: name, runner: 'true' },
          ownerReferences: owner,
        },
        spec: { parallelism: 1, completions: 1, backoffLimit: 0 },
        status: { active: 1 },
      });
      const podName = `${job}-x${i}z9q`;
      const waiting = 'waiting' in runner ? runner.waiting : null;
      put('pods', {
        metadata: {
          name: podName,
          namespace,
          labels: runnerLabels(name, job),
          ownerReferences: [{ kind: 'Job', name: job }],
        },
        spec: {
          containers: [{ name: 'k6', image: 'grafana/k6' }],
          nodeSelector: testRun.spec.runner?.nodeSelector,
          tolerations: testRun.spec.runner?.tolerations,
        },
        status: waiting
          ? {
              phase: 'Pending',
              conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
              containerStatuses: [
                {
                  name: 'k6',
                  ready: false,
                  restartCount: 0,
                  image: 'grafana/k6',
                  imageID: '',
                  state: { waiting: { reason: waiting.reason, message: waiting.message } },
                },
              ],
            }
          : {
              phase: 'Running',
              conditions: [{ type: 'Ready', status: 'True' }],
              containerStatuses: [
                {
                  name: 'k6',
                  ready: true,
                  restartCount: 0,
                  image: 'grafana/k6',
                  imageID: '',
                  state: { running: { startedAt: new Date().toISOString() } },
                },
              ],
            },
      });
      if (waiting) putPullFailure(namespace, podName, waiting.message, '1');
    }
  };

  const finishRunners = (testRun: KubeObject, s: K6OperatorScript): void => {
    const { name, namespace } = testRun.metadata;
    const started = new Date(Date.now() - 2000).toISOString();
    const finished = new Date().toISOString();
    for (let i = 1; i <= testRun.spec.parallelism; i += 1) {
      const runner = s.runners[i - 1] ?? { exitCode: 0 };
      if ('waiting' in runner || s.missing?.includes(i)) continue;
      const job = `${name}-${i}`;
      const podName = `${job}-x${i}z9q`;
      const pod = get('pods', namespace, podName);
      if (!pod) continue;
      put('pods', {
        ...pod,
        status: {
          phase: runner.exitCode === 0 ? 'Succeeded' : 'Failed',
          conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted' }],
          containerStatuses: [
            {
              name: 'k6',
              ready: false,
              restartCount: 0,
              image: 'grafana/k6',
              imageID: '',
              state: {
                terminated: {
                  exitCode: runner.exitCode,
                  reason: runner.reason ?? (runner.exitCode === 0 ? 'Completed' : 'Error'),
                  startedAt: started,
                  finishedAt: finished,
                },
              },
            },
          ],
        },
      });
      if (runner.log !== undefined) logs.set(`${namespace}/${podName}`, runner.log);
      const jobObject = get('jobs', namespace, job);
      if (jobObject) {
        const ok = runner.exitCode === 0;
        put('jobs', {
          ...jobObject,
          status: ok
            ? { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }
            : { failed: 1, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] },
        });
      }
    }
  };

  /** One stage forward per read of a TestRun, the way a poller sees k6-operator. */
  const advance = (testRun: KubeObject): void => {
    if (!script) return;
    const stage: string = testRun.status?.stage ?? 'initialization';
    const anyWaiting = script.runners.some((r) => 'waiting' in r);
    let next = stage;
    if (stage === 'initialization') next = 'initialized';
    else if (stage === 'initialized') {
      createRunners(testRun, script);
      next = 'created';
    } else if (stage === 'created') next = anyWaiting ? 'created' : 'started';
    else if (stage === 'started') {
      finishRunners(testRun, script);
      next = 'stopped';
    } else if (stage === 'stopped') next = script.finalStage ?? 'finished';
    if (next !== stage) {
      const current = get('testruns', testRun.metadata.namespace, testRun.metadata.name);
      if (current) put('testruns', { ...current, status: { ...current.status, stage: next } });
    }
  };

  // ------------------------------------------------------------ scripted Job controller

  let jobScript: JobScript | null = null;
  const jobScripts = new Map<string, { script: JobScript; reads: number; pod: string }>();
  const deletedJobs: string[] = [];

  const startJob = (job: KubeObject, s: JobScript): void => {
    const { name, namespace, uid: jobUid } = job.metadata;
    const podName = `${name}-p${uid}x7`;
    jobScripts.set(`${namespace}/${name}`, { script: s, reads: 0, pod: podName });
    if ('noPod' in s) {
      put('events', {
        metadata: { name: `${name}.evt${uid}`, namespace },
        involvedObject: { kind: 'Job', name, namespace },
        type: 'Warning',
        reason: s.noPod.reason,
        message: s.noPod.message,
        count: 3,
        lastTimestamp: new Date().toISOString(),
      });
      return;
    }
    const template = job.spec?.template ?? {};
    const containers: KubeObject[] = template.spec?.containers ?? [];
    const waiting = 'waiting' in s ? s.waiting : null;
    const containerStatus = (state: KubeObject, ready: boolean) =>
      containers.map((c) => ({ name: c.name, ready, restartCount: 0, image: c.image, imageID: '', state }));
    put('pods', {
      metadata: {
        name: podName,
        namespace,
        labels: {
          ...(template.metadata?.labels ?? {}),
          'job-name': name,
          'batch.kubernetes.io/job-name': name,
          'controller-uid': jobUid,
        },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name, uid: jobUid, controller: true }],
      },
      spec: template.spec ?? {},
      status: waiting
        ? {
            phase: 'Pending',
            conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
            containerStatuses: containerStatus(
              { waiting: { reason: waiting.reason, message: waiting.message } },
              false,
            ),
          }
        : {
            phase: 'Running',
            conditions: [{ type: 'Ready', status: 'True' }],
            containerStatuses: containerStatus({ running: { startedAt: new Date().toISOString() } }, true),
          },
    });
    if (waiting) putPullFailure(namespace, podName, waiting.message, String(uid));
    put('jobs', { ...get('jobs', namespace, name), status: { active: 1 } });
  };

  /** One read of a scripted Job: after `runningReads` reads its pod terminates and the Job ends. */
  const advanceJob = (job: KubeObject): void => {
    const { name, namespace } = job.metadata;
    const state = jobScripts.get(`${namespace}/${name}`);
    if (!state || !('exitCode' in state.script) || job.status?.active !== 1) return;
    state.reads += 1;
    if (state.reads < (state.script.runningReads ?? 1)) return;
    const { exitCode, log, reason } = state.script;
    const pod = get('pods', namespace, state.pod);
    if (pod) {
      const now = new Date().toISOString();
      put('pods', {
        ...pod,
        status: {
          phase: exitCode === 0 ? 'Succeeded' : 'Failed',
          conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted' }],
          containerStatuses: (pod.spec.containers ?? []).map((c: KubeObject) => ({
            name: c.name,
            ready: false,
            restartCount: 0,
            image: c.image,
            imageID: '',
            state: {
              terminated: {
                exitCode,
                reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'),
                startedAt: now,
                finishedAt: now,
              },
            },
          })),
        },
      });
      if (log !== undefined) logs.set(`${namespace}/${state.pod}`, log);
    }
    put('jobs', {
      ...job,
      status:
        exitCode === 0
          ? { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] }
          : {
              failed: 1,
              conditions: [
                {
                  type: 'Failed',
                  status: 'True',
                  reason: 'BackoffLimitExceeded',
                  message: 'Job has reached the specified backoff limit',
                },
              ],
            },
    });
  };

  // ------------------------------------------------------------ HTTP

  const send = (res: ServerResponse, code: number, body: unknown, type = 'application/json'): void => {
    res.writeHead(code, { 'content-type': type });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const route = (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest): void => {
    if (recorded.authorization !== `Bearer ${token}`) {
      send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
      return;
    }
    const parts = recorded.path.split('/').filter((p) => p !== '');
    let group = '';
    let version = '';
    let rest: string[];
    if (parts[0] === 'api') {
      version = parts[1] ?? '';
      rest = parts.slice(2);
    } else if (parts[0] === 'apis') {
      group = parts[1] ?? '';
      version = parts[2] ?? '';
      rest = parts.slice(3);
    } else {
      send(res, 404, status(404, 'NotFound', `the server could not find the requested resource`));
      return;
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const [plural, name, sub] = rest;
    if (plural === 'services' && sub === 'proxy' && namespace !== undefined && name !== undefined) {
      if (!proxyHandler) {
        send(res, 503, status(503, 'ServiceUnavailable', `no endpoints available for service "${name}"`));
        return;
      }
      const reply = proxyHandler({
        namespace,
        service: name,
        path: rest.slice(3).join('/'),
        method: req.method ?? 'GET',
        body: recorded.body,
      });
      send(res, reply.status, reply.body, typeof reply.body === 'string' ? 'text/plain' : 'application/json');
      return;
    }
    const type = RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
    if (!type || plural === undefined || hidden.has(plural)) {
      send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
      return;
    }
    // Cluster-scoped objects live under the namespace '' (see put).
    if (type.cluster) namespace = '';
    const notFound = () =>
      send(
        res,
        404,
        status(404, 'NotFound', `${type.plural}${type.group ? `.${type.group}` : ''} "${name}" not found`, {
          name,
          group: type.group,
          kind: type.plural,
        }),
      );

    if (name === undefined) {
      if (req.method === 'GET') {
        const selectors = parseSelector(recorded.query.labelSelector);
        const items = list(plural, namespace).filter(
          (o) =>
            selectors.every((match) => match(o.metadata.labels ?? {})) &&
            matchesFields(o, recorded.query.fieldSelector),
        );
        send(res, 200, {
          kind: `${type.kind}List`,
          apiVersion: apiVersionOf(type),
          metadata: { resourceVersion: String(resourceVersion) },
          items,
        });
        return;
      }
      if (req.method === 'POST' && namespace !== undefined) {
        const body = recorded.body as KubeObject;
        const objectName = body?.metadata?.name;
        if (get(plural, namespace, objectName)) {
          send(res, 409, status(409, 'AlreadyExists', `${type.plural} "${objectName}" already exists`));
          return;
        }
        put(plural, { ...body, metadata: { ...body.metadata, namespace } });
        if (plural === 'testruns' && script) {
          const created = get(plural, namespace, objectName) as KubeObject;
          put(plural, { ...created, status: { stage: 'initialization' } });
        }
        if (plural === 'jobs' && jobScript)
          startJob(get(plural, namespace, objectName) as KubeObject, jobScript);
        send(res, 201, get(plural, namespace, objectName));
        return;
      }
    } else if (namespace !== undefined) {
      const object = get(plural, namespace, name);
      if (sub === 'log' && plural === 'pods' && req.method === 'GET') {
        if (!object) {
          notFound();
          return;
        }
        send(res, 200, logs.get(`${namespace}/${name}`) ?? '', 'text/plain');
        return;
      }
      if (sub === undefined && req.method === 'GET') {
        if (!object) {
          notFound();
          return;
        }
        if (plural === 'testruns') {
          advance(object);
          send(res, 200, get(plural, namespace, name));
          return;
        }
        if (plural === 'jobs') {
          advanceJob(object);
          send(res, 200, get(plural, namespace, name));
          return;
        }
        send(res, 200, object);
        return;
      }
      if (sub === undefined && req.method === 'PUT') {
        // Replace: the object must exist (the client reads it first for its resourceVersion).
        if (!object) {
          notFound();
          return;
        }
        const body = recorded.body as KubeObject;
        put(plural, { ...body, metadata: { ...body.metadata, namespace, uid: object.metadata.uid } });
        send(res, 200, get(plural, namespace, name));
        return;
      }
      if (sub === undefined && req.method === 'DELETE') {
        if (!object) {
          notFound();
          return;
        }
        remove(plural, namespace, name);
        if (plural === 'testruns') {
          deletedTestRuns.push(`${namespace}/${name}`);
          // Garbage collection by owner reference: the Jobs and pods of the TestRun go with it.
          for (const kind of ['jobs', 'pods']) {
            for (const o of list(kind, namespace)) {
              if (o.metadata.labels?.k6_cr === name) remove(kind, namespace, o.metadata.name);
            }
          }
        }
        if (plural === 'jobs') {
          deletedJobs.push(`${namespace}/${name}`);
          // Garbage collection by owner reference: the Job's pods go with it.
          for (const o of list('pods', namespace)) {
            const owners: KubeObject[] = o.metadata.ownerReferences ?? [];
            if (owners.some((r) => r.kind === 'Job' && r.name === name))
              remove('pods', namespace, o.metadata.name);
          }
        }
        send(res, 200, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name },
        });
        return;
      }
    }
    if (req.method === 'PUT' && namespace !== undefined && name !== undefined && sub === undefined) {
      if (!get(plural, namespace, name)) {
        notFound();
        return;
      }
      const body = recorded.body as KubeObject;
      put(plural, { ...body, metadata: { ...body.metadata, name, namespace } });
      send(res, 200, get(plural, namespace, name));
      return;
    }
    send(res, 405, status(405, 'MethodNotAllowed', `${req.method} is not supported by the fake`));
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        // keep text
      }
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        authorization: req.headers.authorization,
        body,
      };
      requests.push(recorded);
      try {
        for (const hook of hooks) hook(recorded);
        route(req, res, recorded);
      } catch (error) {
        send(res, 500, status(500, 'InternalError', error instanceof Error ? error.message : String(error)));
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    put,
    get,
    list,
    remove,
    setLog: (namespace, pod, text) => logs.set(`${namespace}/${pod}`, text),
    scriptK6Operator: (s) => {
      script = s;
    },
    hide: (plural) => hidden.add(plural),
    onRequest: (hook) => hooks.push(hook),
    serveProxy: (handler) => {
      proxyHandler = handler;
    },
    deletedTestRuns,
    scriptJobs: (s) => {
      jobScript = s;
    },
    deletedJobs,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
