/**
 * What the janitor sees: every stack a run left, found by its tags through the Resource Groups
 * Tagging API, grouped by the `RunId` tag and judged by the `ExpiresAt` tag (both set on every
 * resource by the root stack's default tags, terraform/envs/perf/main.tf).
 *
 * A stack is expired when its latest ExpiresAt is in the past. A stack whose expiry is missing or
 * unreadable, or whose RunId is not one this pipeline makes, is never destroyed automatically: it
 * is reported as needing a person.
 */
import {
  paginateGetResources,
  type ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { formatDuration } from '../aws/clock.js';
import { callAws } from '../aws/errors.js';
import { RUN_ID_TAG, tagsFromList } from '../aws/tags.js';
import { RFC3339_PATTERN, RUN_ID_ALLOWED, RUN_ID_PATTERN, rfc3339 } from '../terraform/run-meta.js';

/** Who started the run (the `owner` variable). */
export const OWNER_TAG = 'Owner';
/** When the janitor may destroy the stack, RFC 3339 (the `expires_at` variable). */
export const EXPIRES_AT_TAG = 'ExpiresAt';
/**
 * The root stack also tags everything `Project=mlperf`: discovery asks for it besides `RunId`, so
 * another project's `RunId` tags in the same account are never mistaken for a stack of ours.
 */
export const PROJECT_TAG = 'Project';
export const PROJECT_TAG_VALUE = 'mlperf';

/**
 * AWS region names, as the run configuration accepts them (config/schema.ts): standard
 * (eu-west-2), GovCloud (us-gov-west-1) and isolated (us-iso-east-1) partitions.
 */
export const AWS_REGION_PATTERN = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
export const AWS_REGION_ALLOWED = 'AWS region names such as eu-west-2, separated by commas or new lines';

/** GetResources' largest page. */
const RESOURCES_PER_PAGE = 100;

export interface TaggedResource {
  arn: string;
  /** The region whose tagging API listed it. */
  region: string;
  tags: Readonly<Record<string, string>>;
}

/** The tagging API call the janitor makes, per region. */
export interface RunResourceApi {
  /** Every resource of the region tagged `RunId` (any value) and `Project=mlperf`, all pages. */
  listRunResources(region: string): Promise<TaggedResource[]>;
}

/**
 * GetResources over all pages (the SDK paginator follows PaginationToken until AWS returns an
 * empty one). Throttling is retried inside the SDK client per its retry configuration; what still
 * fails is rethrown naming `tag:GetResources`.
 */
export function createRunResourceApi(
  clientFor: (region: string) => ResourceGroupsTaggingAPIClient,
): RunResourceApi {
  return {
    async listRunResources(region) {
      const client = clientFor(region);
      const found: TaggedResource[] = [];
      await callAws('tag:GetResources', async () => {
        const pages = paginateGetResources(
          { client },
          {
            TagFilters: [{ Key: RUN_ID_TAG }, { Key: PROJECT_TAG, Values: [PROJECT_TAG_VALUE] }],
            ResourcesPerPage: RESOURCES_PER_PAGE,
          },
        );
        for await (const page of pages) {
          for (const item of page.ResourceTagMappingList ?? []) {
            if (item.ResourceARN === undefined) continue;
            found.push({ arn: item.ResourceARN, region, tags: tagsFromList(item.Tags) });
          }
        }
      });
      return found;
    },
  };
}

/**
 * Milliseconds since the epoch of an RFC 3339 time, or undefined when it is not one. Stricter than
 * Date.parse, which rolls `2026-02-30` over into March: the date and time fields must survive.
 */
export function parseRfc3339(text: string): number | undefined {
  if (!RFC3339_PATTERN.test(text)) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  const offsetMs =
    offset === null
      ? 0
      : (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
  return new Date(ms + offsetMs).toISOString().slice(0, 19) === text.slice(0, 19) ? ms : undefined;
}

export type StackVerdict =
  /** ExpiresAt has passed: the janitor removes it. */
  | { state: 'expired'; expiresAt: string; overdueMs: number }
  /** Time left: leave it. */
  | { state: 'alive'; expiresAt: string; remainingMs: number }
  /** Missing or unreadable expiry, or not a run id of ours: never destroyed automatically. */
  | { state: 'needs-human'; problem: string };

/** One run's resources, as the tagging API lists them. */
export interface RunStack {
  runId: string;
  /** Distinct Owner tag values, sorted (normally one). */
  owners: string[];
  /** Regions where resources of the run were listed, sorted. */
  regions: string[];
  resourceCount: number;
  /** EKS clusters among the resources, for the teardown's load balancer sweep. */
  clusterNames: string[];
  verdict: StackVerdict;
}

function verdictOf(runId: string, resources: readonly TaggedResource[], now: number): StackVerdict {
  if (!RUN_ID_PATTERN.test(runId)) {
    return {
      state: 'needs-human',
      problem: `RunId ${JSON.stringify(runId)} is not a run id this pipeline makes (${RUN_ID_ALLOWED})`,
    };
  }
  const values = [
    ...new Set(
      resources.map((r) => r.tags[EXPIRES_AT_TAG]).filter((v): v is string => v !== undefined && v !== ''),
    ),
  ];
  if (values.length === 0) {
    return {
      state: 'needs-human',
      problem: `no ${EXPIRES_AT_TAG} tag on any of its ${new Set(resources.map((r) => r.arn)).size} resource(s)`,
    };
  }
  const parsed = values.map((value) => ({ value, at: parseRfc3339(value) }));
  const garbled = parsed.filter((p) => p.at === undefined).map((p) => JSON.stringify(p.value));
  if (garbled.length > 0) {
    return {
      state: 'needs-human',
      problem: `${EXPIRES_AT_TAG} ${garbled.sort().join(', ')} is not an RFC 3339 time such as 2026-11-25T18:00:00Z`,
    };
  }
  // Several values (a re-provision moved the expiry; resources Kubernetes made keep their old
  // tags): the latest counts, so nothing is removed before every part of it has expired.
  let latest = { value: '', at: Number.NEGATIVE_INFINITY };
  for (const { value, at } of parsed) if (at !== undefined && at > latest.at) latest = { value, at };
  return latest.at < now
    ? { state: 'expired', expiresAt: latest.value, overdueMs: now - latest.at }
    : { state: 'alive', expiresAt: latest.value, remainingMs: latest.at - now };
}

const sortedSet = (values: Iterable<string>) => [...new Set(values)].sort();

/** Groups resources by RunId and judges each stack; sorted by run id. */
export function groupRunStacks(resources: readonly TaggedResource[], now: Date): RunStack[] {
  const byRun = new Map<string, TaggedResource[]>();
  for (const resource of resources) {
    const runId = resource.tags[RUN_ID_TAG];
    if (runId === undefined) continue;
    const list = byRun.get(runId) ?? [];
    list.push(resource);
    byRun.set(runId, list);
  }
  return [...byRun.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([runId, list]) => ({
      runId,
      owners: sortedSet(list.map((r) => r.tags[OWNER_TAG] ?? '').filter((owner) => owner !== '')),
      regions: sortedSet(list.map((r) => r.region)),
      // The same ARN can come back from two regions' listings (global resources): count it once.
      resourceCount: new Set(list.map((r) => r.arn)).size,
      clusterNames: sortedSet(
        list.flatMap((r) => {
          const match = /^arn:[a-z-]+:eks:[^:]*:\d*:cluster\/(.+)$/.exec(r.arn);
          return match?.[1] === undefined ? [] : [match[1]];
        }),
      ),
      verdict: verdictOf(runId, list, now.getTime()),
    }));
}

export interface RegionError {
  region: string;
  reason: string;
}

export interface StackSurvey {
  /** RFC 3339. */
  now: string;
  regions: string[];
  /** Expired, the longest overdue first: the order the janitor removes them in. */
  expired: RunStack[];
  /** With time left, the soonest to expire first. */
  alive: RunStack[];
  needsHuman: RunStack[];
  /** Regions whose listing failed; stacks there may be missing from the survey. */
  regionErrors: RegionError[];
}

export interface SurveyDeps {
  resources: RunResourceApi;
  log?: (line: string) => void;
}

export interface SurveyOptions {
  now: Date;
  regions: readonly string[];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Lists the run stacks in every region and sorts them into expired, alive and needing a person.
 * A region whose listing fails is reported and the others are still surveyed.
 */
export async function findExpiredStacks(deps: SurveyDeps, options: SurveyOptions): Promise<StackSurvey> {
  const log = deps.log ?? (() => {});
  const regions = [...new Set(options.regions)];
  const resources: TaggedResource[] = [];
  const regionErrors: RegionError[] = [];
  for (const region of regions) {
    try {
      const listed = await deps.resources.listRunResources(region);
      log(
        `${region}: ${listed.length} resource(s) tagged ${RUN_ID_TAG} and ${PROJECT_TAG}=${PROJECT_TAG_VALUE}`,
      );
      resources.push(...listed);
    } catch (error) {
      regionErrors.push({ region, reason: message(error) });
      log(`${region}: listing failed: ${message(error)}`);
    }
  }
  const stacks = groupRunStacks(resources, options.now);
  const overdue = (s: RunStack) => (s.verdict.state === 'expired' ? s.verdict.overdueMs : 0);
  const remaining = (s: RunStack) => (s.verdict.state === 'alive' ? s.verdict.remainingMs : 0);
  const survey: StackSurvey = {
    now: rfc3339(options.now),
    regions,
    expired: stacks.filter((s) => s.verdict.state === 'expired').sort((a, b) => overdue(b) - overdue(a)),
    alive: stacks.filter((s) => s.verdict.state === 'alive').sort((a, b) => remaining(a) - remaining(b)),
    needsHuman: stacks.filter((s) => s.verdict.state === 'needs-human'),
    regionErrors,
  };
  for (const stack of survey.expired) {
    if (stack.verdict.state === 'expired')
      log(
        `${stack.runId}: expired ${formatDuration(stack.verdict.overdueMs)} ago (${stack.verdict.expiresAt})`,
      );
  }
  return survey;
}
