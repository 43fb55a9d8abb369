/**
 * The dry run's plan as text: a heading per phase with its status and one sentence, then aligned
 * `key  value` lines; lists and tables continue under the value column. No colours, no Markdown,
 * so it reads the same in a terminal, a log or a file. `renderDryRunJson` is the machine form.
 */
import { formatUsd } from '../cost/render.js';
import { formatSeconds } from '../report/format.js';
import type {
  CloudLadderDetails,
  ConfigDetails,
  DryRunPhase,
  DryRunPlan,
  HelmPhaseDetails,
  LadderDetails,
  LoadInfraDetails,
  MojaloopDetails,
  NotBuiltDetails,
  PlannedCommand,
  PlatformDetails,
  PreflightDetails,
  ProvisionDetails,
  RehearsalDetails,
  ReportDetails,
  TeardownDetails,
} from './types.js';

type Row = [key: string, value: string];

/** `key  value` lines, keys padded to the longest; a multi-line value continues under its column. */
export function keyValueLines(rows: readonly Row[], indent = '  '): string[] {
  const width = Math.max(0, ...rows.map(([key]) => key.length));
  const out: string[] = [];
  for (const [key, value] of rows) {
    const [first = '', ...rest] = value.split('\n');
    out.push(`${indent}${key.padEnd(width)}  ${first}`.trimEnd());
    for (const line of rest) out.push(`${indent}${' '.repeat(width)}  ${line}`.trimEnd());
  }
  return out;
}

/** Columns padded to their widest cell; `right` marks columns aligned right (numbers). */
export function columns(rows: readonly string[][], right: readonly boolean[] = []): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, index) => {
          const width = widths[index] ?? 0;
          if (index === row.length - 1 && !right[index]) return cell;
          return right[index] ? cell.padStart(width) : cell.padEnd(width);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join('\n'));
const onOff = (value: boolean): string => (value ? 'on' : 'off');

function commandText(command: PlannedCommand): string {
  return `${command.command} ${command.args.join(' ')}`;
}

function commandsRows(commands: readonly PlannedCommand[]): Row[] {
  const first = commands[0];
  if (first === undefined) return [];
  const env = Object.entries(first.env)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  return [
    ['directory', first.cwd],
    ['environment', env === '' ? 'inherited' : `${env} (added)`],
    ['commands', list(commands.map((command) => `${commandText(command)}\n  (${command.purpose})`))],
  ];
}

// ---------------------------------------------------------------- phases

function configRows(d: ConfigDetails): Row[] {
  const choices = Object.entries(d.choices).map(([key, value]) => `--${key} ${value}`);
  const mix =
    d.dfsps.trafficMix === 'uniform'
      ? `uniform (${d.dfsps.pairs} ordered pairs)`
      : `${d.dfsps.pairs} weighted pairs: ${d.dfsps.trafficMix.map((p) => `${p.payer}→${p.payee} ×${p.weight}`).join(', ')}`;
  return [
    ['profile file', d.profileFile],
    ['provider', d.region === null ? d.provider : `${d.provider} (${d.region})`],
    ['overrides', list(d.overrides)],
    ['dispatch choices', list(choices)],
    [
      'DFSPs',
      `${d.dfsps.count} (${d.dfsps.ids[0]} … ${d.dfsps.ids[d.dfsps.ids.length - 1]}), ${d.dfsps.currency}, ${d.dfsps.partiesPerDfsp} parties each`,
    ],
    ['traffic mix', mix],
    [
      'security',
      `mTLS ${onOff(d.security.mtls)}, JWS sign ${onOff(d.security.jwsSign)}, JWS validate ${onOff(d.security.jwsValidate)}, ILP ${onOff(d.security.ilp)} (${d.securityTag})`,
    ],
    ['keepInfra', String(d.keepInfra)],
    ['costCapUsd', formatUsd(d.costCapUsd)],
    ['outputs', d.outputs.join('; ')],
  ];
}

function preflightRows(d: PreflightDetails): Row[] {
  const rows: Row[] = [
    ['run id', d.runId],
    ['identity', d.identity],
  ];
  if (d.quotas.length > 0) {
    rows.push([
      `quotas needed (${d.region})`,
      columns(
        d.quotas.map((q) => [q.code, String(q.needed), q.unit, `${q.name}: ${q.detail}`]),
        [false, true, false, false],
      ),
    ]);
  }
  const e = d.estimate;
  if (e !== null) {
    const lines = e.lines.map((line) => [
      line.item,
      line.per === 'hour' ? `${formatUsd(line.hourlyUsd)}/h` : 'per run',
      formatUsd(line.totalUsd),
      line.verified ? '' : '†',
    ]);
    rows.push(
      [
        'cost estimate',
        `${formatUsd(e.total)} (${formatUsd(e.hourly)}/h × ${e.hours.toFixed(2)} h) in ${e.region}`,
      ],
      [
        'cost cap',
        `${formatUsd(d.costCapUsd)}: ${d.withinCap ? 'within the cap' : 'EXCEEDED — preflight stops the run'}`,
      ],
      ['cost lines', columns(lines, [false, true, true, false])],
    );
    if (e.usesUnverifiedPrices) {
      rows.push([
        '',
        `† price not confirmed by a cited source (pricing table compiled ${e.pricingRetrieved})`,
      ]);
    }
    rows.push(['assumptions', list(e.assumptions)]);
  }
  const verdict =
    d.verdict.status === 'ok'
      ? 'ok: nothing in the configuration stops the run (quotas are compared at run time)'
      : d.verdict.status === 'stop'
        ? `STOP: ${d.verdict.reasons.join('\n')}`
        : `ERROR: ${d.verdict.message}`;
  rows.push(['verdict', verdict]);
  const outputs = Object.entries(d.outputs).map(([key, value]) => `${key}=${value}`);
  rows.push(['outputs', outputs.length === 0 ? 'none (the step fails first)' : outputs.join(', ')]);
  rows.push(['not checked here', list(d.notChecked)]);
  return rows;
}

function provisionRows(d: ProvisionDetails): Row[] {
  const v = d.variables;
  const rows: Row[] = [
    ['run id', d.runId],
    ['terraform', `${d.terraformVersion} (hashicorp/setup-terraform)`],
    ['stack', d.layout],
    ['state', `s3://${d.backend.bucket}/${d.backend.key} (region ${d.backend.region}, S3 lockfile)`],
    ['teardown record', `${d.teardownRecord} (written before init, for the janitor)`],
    ['variables file', d.varFile],
    [
      'variables',
      [
        `run_id=${v.run_id} owner=${v.owner} region=${v.region}`,
        `expires_at=${v.expires_at}`,
        `pipeline_role_arn=${v.pipeline_role_arn}`,
        `database: ${v.database.instance_class}, ${v.database.allocated_storage_gb} GiB, multi_az=${v.database.multi_az} require_tls=${v.database.require_tls}`,
        `cache: ${v.cache.node_type}, ${v.cache.replicas} replica(s)`,
        `nat_gateways=${v.nat_gateways}`,
      ].join('\n'),
    ],
  ];
  for (const cluster of d.clusters) {
    rows.push([
      `${cluster.role} cluster`,
      `${cluster.expectedName}\n${columns(
        cluster.nodeGroups.map((g) => [
          g.name,
          `${g.desiredSize} × ${g.instanceType}`,
          `min ${g.minSize} max ${g.maxSize}`,
          g.taints.length === 0 ? 'no taint' : `taint ${g.taints.join(', ')}`,
        ]),
      )}`,
    ]);
  }
  rows.push(...commandsRows(d.commands));
  rows.push(
    [
      'then waits',
      `up to ${d.wait.timeoutMinutes} min, polling every ${d.wait.pollSeconds} s, until ${d.wait.until}`,
    ],
    ['then', d.tokens],
    ['outputs read', d.outputs.join(', ')],
    ['concurrency', d.concurrencyGroup],
  );
  if (d.placeholders.length > 0) {
    rows.push([
      'placeholders',
      list(d.placeholders.map((p) => `${p.field} = ${p.value}; in the pipeline: ${p.inThePipeline}`)),
    ]);
  }
  return rows;
}

/**
 * A Helm phase (platform, load-infra): the job, the pins, each release with its cluster, chart,
 * values, readiness wait and exact command line, then the deadlines and credentials. `after` rows
 * follow the releases (the load-infra checks), `end` rows close the block.
 */
function helmPhaseRows(d: HelmPhaseDetails, after: readonly Row[] = [], end: readonly Row[] = []): Row[] {
  const rows: Row[] = [
    ['job', d.job],
    ['helm', `${d.helmVersion} (azure/setup-helm)`],
    ['chart pins', d.pinsFile],
    ['values', `${d.valuesDir}/<chart>/<profile>.yaml when it exists, else the chart's defaults`],
  ];
  if (d.failure !== null) rows.push(['would FAIL', d.failure]);
  for (const r of d.releases) {
    rows.push([
      `${r.order}. ${r.release}`,
      [
        `${r.cluster} cluster ${r.clusterName}, namespace ${r.namespace}`,
        `chart ${r.chart} ${r.version} from ${r.repo}`,
        `values ${r.valuesFiles.length === 0 ? 'chart defaults' : r.valuesFiles.join(', ')}`,
        r.readiness === null
          ? 'then no readiness wait (CRDs only, no workloads)'
          : `then waits up to ${r.readiness.timeoutMinutes} min for the workloads in ${r.readiness.namespace} to be ready`,
        commandText(r.command),
      ].join('\n'),
    ]);
  }
  const first = d.releases[0]?.command;
  if (first !== undefined) rows.push(['directory', first.cwd]);
  rows.push(...after);
  rows.push(
    [
      'deadlines',
      `Helm --timeout ${d.helmApplyTimeout} to apply each release; readiness ${d.readinessTimeoutMinutes} min per release (readiness-timeout-minutes)`,
    ],
    ['kubeconfigs', list(d.kubeconfigs.map((k) => `${k.cluster}: ${k.path} (placeholder)`))],
    ['tokens', d.tokens],
    ['on failure', d.onFailure],
    ['outputs', d.outputs.join('; ')],
    ...end,
  );
  return rows;
}

/** The `--set-string` values only the provisioned stack knows, as the placeholders the commands show. */
function stackPlaceholderRows(d: HelmPhaseDetails): Row[] {
  const placeholders = d.releases.flatMap((r) =>
    (r.stackValues ?? []).filter((v) => v.placeholder).map((v) => `${r.release}: ${v.key} = ${v.value}`),
  );
  return placeholders.length === 0 ? [] : [['placeholders', list(placeholders)]];
}

function platformRows(d: PlatformDetails): Row[] {
  return helmPhaseRows(d, [], stackPlaceholderRows(d));
}

function mojaloopRows(d: MojaloopDetails): Row[] {
  const rows: Row[] = [
    ['job', d.job],
    ['helm', `${d.helmVersion} (azure/setup-helm)`],
    ['chart pins', d.pinsFile],
  ];
  if (d.failure !== null) rows.push(['would FAIL', d.failure]);
  rows.push(
    ['1. key check', `${d.keyCheck.rule}\n${list(d.keyCheck.commands.map(commandText))}`],
    ['2. objects', columns(d.objects.map((o) => [o.object, o.mode, o.what]))],
  );
  for (const r of d.releases) {
    rows.push([
      `3.${r.order} ${r.release}`,
      [
        `${r.cluster} cluster ${r.clusterName}, namespace ${r.namespace}`,
        `chart ${r.chart} ${r.version} from ${r.repo}`,
        `values ${r.valuesFiles.join(', ')}${r.runValuesFile === null ? '' : ` (the last written by the job)`}`,
        `then waits up to ${r.readiness.timeoutMinutes} min for the workloads in ${r.readiness.namespace} to be ready`,
        commandText(r.command),
      ].join('\n'),
    ]);
  }
  const g = d.gateway;
  rows.push(
    [
      '4. gateway',
      `${columns(g.objects.map((o) => [o.object, o.mode, o.what]))}\nthen waits for the load balancer host of Service ${g.service}`,
    ],
    ['FSPIOP routes', columns(g.fspiopRoutes.map((r) => [`:${r.port}`, r.prefix, `→ ${r.destination}`]))],
    [
      'SDK outbound routes',
      columns(g.outboundRoutes.map((r) => [`:${r.port}`, r.prefix, `→ ${r.destination}`])),
    ],
    ...(g.callbackRoutes.length === 0
      ? []
      : [
          [
            'callback routes',
            columns(g.callbackRoutes.map((r) => [`:${r.port}`, r.prefix, `→ ${r.destination}`])),
          ] as Row,
        ]),
    ['outbound-urls', list(Object.entries(g.outboundUrls).map(([fsp, url]) => `${fsp}: ${url}`))],
    ['5. onboarding', columns(d.onboarding.map((o) => [o.step, o.what]))],
    [
      '6. health',
      `after every pod is ready, from a probe Job on the hub-services nodes: ${d.health.attempts} requests per target (${d.health.requestTimeoutMs} ms each, ${d.health.deadlineMinutes} min in all); every target's median must be ≤ ${d.health.medianLimitMs} ms\n${list(d.health.targets)}`,
    ],
    [
      '7. verify-security',
      [
        `${d.verifySecurity.job} (${d.verifySecurity.image}), ${d.verifySecurity.deadlineMinutes} min at most, against ${d.verifySecurity.hubUrl}; the switch calls its receiver at ${d.verifySecurity.receiver}`,
        `mounts: ${d.verifySecurity.mounts.join(', ')}`,
        `probes: ${d.verifySecurity.probes.join(', ')}`,
        d.verifySecurity.policy,
      ].join('\n'),
    ],
  );
  const s = d.sizing;
  const db = s.database;
  rows.push(
    [
      'sizing',
      columns(
        [
          ['component', 'role', 'replicas', 'schema', 'pool max', 'topics'],
          ...s.components.map((c) => [
            c.component,
            c.role,
            String(c.replicas),
            c.database ?? '–',
            c.poolMax === null ? '–' : String(c.poolMax),
            c.topics.join(', ') || '–',
          ]),
        ],
        [false, false, true, false, true, false],
      ),
    ],
    [
      'partitions',
      `${s.partitions
        .filter((p) => p.partitions > 1)
        .map((p) => `${p.topic} ${p.partitions}`)
        .join(', ')}; every other topic 1`,
    ],
    [
      'kafka',
      `${s.kafka.brokers} brokers, replication factor ${s.kafka.replicationFactor}, min.insync.replicas ${s.kafka.minInsyncReplicas}`,
    ],
    [
      'database',
      `${db.kind}: ${db.pods} DB-using pods open up to ${db.connections} connections (${db.pooledPods} × pool max ${s.dbPool.max} + ${db.fixedConnections} in pools their charts fix); ${
        db.maxConnections === null
          ? `max_connections unknown (${db.source})`
          : `max_connections ${db.maxConnections} of ${db.source}, ${db.usable} usable after ${db.headroomPercent} % headroom: ${db.within ? 'within' : 'EXCEEDED'}`
      }`,
    ],
    [
      'position batch',
      `${s.positionBatchSize} messages; pool min ${s.dbPool.min}, max ${s.dbPool.max} per pod`,
    ],
    ...d.asks.map((ask): Row => [ask.item, ask.value]),
    [
      'placeholders',
      list(d.placeholders.map((p) => `${p.field} = ${p.value}; in the pipeline: ${p.inThePipeline}`)),
    ],
    ['tokens', d.tokens],
    ['on failure', d.onFailure],
    ['outputs', d.outputs.join('; ')],
  );
  return rows;
}

function cloudLadderRows(c: CloudLadderDetails): Row[] {
  const rows: Row[] = [['job', c.job]];
  if (c.failure !== null) rows.push(['would FAIL', c.failure]);
  if (c.warnings.length > 0) rows.push(['WARNING', list(c.warnings)]);
  rows.push(
    [
      'k6 runners',
      `⌈rate / ${c.perRunnerRate ?? '?'}/s⌉ per rung (load.perRunnerRate), one per ${c.loadNodes.group} node: ${c.loadNodes.desiredSize} × ${c.loadNodes.instanceType} (max ${c.loadNodes.maxSize})`,
    ],
    [
      'TestRuns',
      columns(
        [
          ['rung', 'kind', 'rate', 'runners', 'TestRun', 'arguments'],
          ...c.rungs.map((r) => [
            r.id,
            r.kind,
            `${r.rate}/s`,
            r.runners === null
              ? `– needs ${r.needed} > ${c.loadNodes.desiredSize}: ${r.kind === 'stress' ? 'INVALID, search stops' : 'run refused'}`
              : String(r.runners),
            `${c.namespace}/${r.testRun}`,
            r.arguments,
          ]),
        ],
        [true, false, true, false, false, false],
      ),
    ],
    [
      'script',
      `${c.script.path} (at most ${c.script.maxBytes} bytes) in ConfigMap ${c.script.configMap}, key ${c.script.key}; deleted whatever happens`,
    ],
    ['runner env', c.runnerEnv.join(', ')],
    [
      'remote write',
      `${c.remoteWrite.url}\nService ${c.remoteWrite.service} port ${c.remoteWrite.portName} (${c.remoteWrite.port}); its load balancer host waited for up to ${c.remoteWrite.waitMinutes} min`,
    ],
    ['PromQL', c.promql],
    [
      'probe',
      `${c.probe.from}\n${c.probe.attempts} requests per DFSP (${c.probe.requestTimeoutMs} ms each, ${c.probe.deadlineMinutes} min in all), status ${c.probe.expectStatus.join('/')}, median ≤ ${c.probe.maxMedianMs} ms\n${list(
        Object.entries(c.probe.targets).map(([fsp, url]) => `${fsp}: ${url}`),
      )}`,
    ],
    [
      'rung timeout',
      `${c.rungTimeoutMinutes} min beyond a rung's own length, then its TestRun is deleted and the rung is INVALID`,
    ],
    ['results', `${c.results.dir}/: ${c.results.files.join(', ')}`],
    [
      'placeholders',
      list(c.placeholders.map((p) => `${p.field} = ${p.value}; in the pipeline: ${p.inThePipeline}`)),
    ],
    ['tokens', c.tokens],
    ['outputs', c.outputs.join('; ')],
  );
  return rows;
}

function loadInfraRows(d: LoadInfraDetails): Row[] {
  return helmPhaseRows(
    d,
    [
      ...d.checks.map((c): Row => [`check ${c.check}`, `${c.cluster} cluster ${c.clusterName}\n${c.what}`]),
      ...d.notYet.map((n): Row => [n.item, `${n.what}\n${n.why}`]),
    ],
    d.asks.map((ask): Row => [ask.item, ask.value]),
  );
}

function notBuiltRows(d: NotBuiltDetails): Row[] {
  return [['why', d.reason], ...d.asks.map((ask): Row => [ask.item, ask.value])];
}

function ladderRows(d: LadderDetails): Row[] {
  const rows: Row[] = [];
  if (d.reason !== null) rows.push(['why it does not run', d.reason]);
  const header = [
    '#',
    'rate',
    'warm-up',
    'hold',
    'drain',
    'total',
    'steady window',
    'runners',
    'count tolerance',
  ];
  const body = d.rungs.map((rung) => [
    String(rung.ordinal),
    `${rung.rate}/s`,
    formatSeconds(rung.warmupSeconds),
    formatSeconds(rung.holdSeconds),
    formatSeconds(rung.drainSeconds),
    formatSeconds(rung.totalSeconds),
    `${rung.steady.startOffsetSeconds}–${rung.steady.endOffsetSeconds} s`,
    rung.runners.map((r) => `${r.segment} ${r.rate}/s`).join(', '),
    `±${rung.countTolerance}`,
  ]);
  rows.push(['rungs', columns([header, ...body], [true, true, true, true, true, true, false, false, true])]);
  rows.push(['ladder time', formatSeconds(d.ladderSeconds)]);
  rows.push([
    'load',
    `${d.load.runners} runner(s), ${d.load.preAllocatedVUs} VUs pre-allocated, at most ${d.load.maxVUs}`,
  ]);
  const s = d.stress;
  if (s.enabled) {
    const steps = s.ifEveryRungPasses;
    rows.push(
      [
        'stress search',
        `above ${s.baseRate}/s: +${s.stepPercent} % steps up to ${s.maxRate}/s, then bisection to ${s.resolution}/s; at most ${s.maxRungs} rungs, ${s.timeBudgetMinutes} min budget`,
      ],
      [
        'if every step passes',
        `${steps.rates.map((rate) => `${rate}/s`).join(' → ') || 'no step'} (${formatSeconds(steps.seconds)}); ${steps.stop}`,
      ],
    );
    if (s.assumedByCostEstimate !== null) {
      rows.push([
        'cost estimate assumes',
        `${s.assumedByCostEstimate.rungs} stress rung(s), ${formatSeconds(s.assumedByCostEstimate.seconds)}`,
      ]);
    }
  } else {
    rows.push(['stress search', 'disabled']);
  }
  rows.push(['SLOs per rung', columns(d.slos.map((slo) => [slo.label, slo.rule, slo.meaning]))]);
  rows.push(['valid only if', list(d.validity)]);
  rows.push(['rules', list(d.rules)]);
  if (d.cloud !== null) rows.push(...cloudLadderRows(d.cloud));
  return rows;
}

function rehearsalRows(d: RehearsalDetails): Row[] {
  return [
    ['job', d.job],
    ['pipeline step', d.command],
    ['locally', d.localCommand],
    ['steps', columns(d.steps.map((step) => [step.step, step.what]))],
    ['files', d.files.join(', ')],
    ...ladderRows(d.ladder).map(
      ([key, value]): Row => [key === 'why it does not run' ? 'ladder' : key, value],
    ),
  ];
}

function reportRows(d: ReportDetails): Row[] {
  const rows: Row[] = [
    ['runs', d.condition],
    ['reads', d.reads],
    ['expected verdict', `${d.expectedVerdict}: ${d.expectedSummary}`],
    ['writes', d.files.join(', ')],
  ];
  for (const sink of d.sinks) {
    rows.push([
      `trigger ${sink.trigger}`,
      `${sink.workflow} (profiles: ${sink.profiles}${sink.appliesToProfile ? '' : '; not this profile'})\n${list(
        sink.sinks.map((text) => `- ${text}`),
      )}`,
    ]);
  }
  rows.push(
    ['history file', `${d.history.path} on ${d.history.branch}`],
    ['regression rule', d.history.regressionRule],
  );
  return rows;
}

function teardownRows(d: TeardownDetails): Row[] {
  const rows: Row[] = [['runs', d.condition]];
  rows.push([
    d.skippedBecause === null ? 'steps' : 'steps it would take',
    columns(d.steps.map((s) => [s.step, s.what])),
  ]);
  rows.push(...commandsRows(d.commands));
  return rows;
}

function phaseRows(phase: DryRunPhase): Row[] {
  switch (phase.name) {
    case 'config':
      return configRows(phase.details);
    case 'preflight':
      return preflightRows(phase.details);
    case 'provision':
      return provisionRows(phase.details);
    case 'platform':
      return platformRows(phase.details);
    case 'load-infra':
      return loadInfraRows(phase.details);
    case 'mojaloop':
      return mojaloopRows(phase.details);
    case 'first-test':
      return notBuiltRows(phase.details);
    case 'ladder':
      return ladderRows(phase.details);
    case 'rehearsal':
      return rehearsalRows(phase.details);
    case 'report':
      return reportRows(phase.details);
    case 'teardown':
      return teardownRows(phase.details);
    default: {
      const unreachable: never = phase;
      return unreachable;
    }
  }
}

export function renderDryRunText(plan: DryRunPlan): string {
  const config = plan.phases.find((phase) => phase.name === 'config');
  const profileFile =
    config?.name === 'config' ? config.details.profileFile : `profiles/${plan.profile}.yaml`;
  const out: string[] = [
    'DRY RUN of the performance pipeline: nothing is called, created or spent; no credentials are used.',
    '',
    ...keyValueLines([
      ['profile', `${plan.profile} (${profileFile})`],
      ['provider', plan.region === null ? plan.provider : `${plan.provider}, ${plan.region}`],
      ['run id', plan.runId],
      ['planned at', plan.plannedAt],
      ['chain', plan.chain.join(' → ')],
      ['outcome', plan.outcome],
    ]),
  ];
  for (const phase of plan.phases) {
    out.push(
      '',
      `${phase.title} [${phase.status}]`,
      `  ${phase.summary}`,
      ...keyValueLines(phaseRows(phase), '    '),
    );
  }
  return `${out.join('\n')}\n`;
}

/** The plan as JSON: the object itself, two-space indented. */
export function renderDryRunJson(plan: DryRunPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
