/**
 * Reusable-workflow contract checks across one directory of workflows (normally `.github/workflows`).
 *
 * For every job that calls a local reusable workflow (`uses: ./.github/workflows/<file>`) it checks the
 * call against the callee's `on: workflow_call` interface: the file exists and is callable, required
 * inputs and secrets are passed, nothing undeclared is passed, and literal input values fit the declared
 * type. It checks every `needs.<job>.outputs.<name>` against what that job (or, for a reusable-workflow
 * job, its callee) declares, and every callee output's `jobs.<job>.outputs.<name>` against the callee's
 * jobs, and that no job of a callee asks for more GITHUB_TOKEN permissions than the calling job grants.
 * Parser errors are findings too. Remote reusable workflows (`owner/repo/...@ref`) are not fetched.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  InputDefinition,
  JobModel,
  PassedValue,
  PermissionLevel,
  Permissions,
  ReusableCall,
  WorkflowModel,
} from './model.js';
import { parseWorkflowFile } from './parse.js';

export type ContractRule =
  | 'parse-error'
  | 'call-target-missing'
  | 'call-target-unparsed'
  | 'call-target-not-reusable'
  | 'input-missing'
  | 'input-unknown'
  | 'input-type'
  | 'secret-missing'
  | 'secret-unknown'
  | 'needs-job-unknown'
  | 'needs-not-declared'
  | 'needs-output-unknown'
  | 'call-output-job-unknown'
  | 'call-output-unknown'
  | 'permissions-exceed';

export interface ContractFinding {
  /** The workflow file the finding is about, as `<dir>/<name>`. */
  file: string;
  line?: number;
  rule: ContractRule;
  message: string;
}

export interface ContractReport {
  /** Workflow files read. */
  workflows: number;
  /** Calls of local reusable workflows that were checked. */
  reusableCalls: number;
  findings: ContractFinding[];
}

const WORKFLOWS_DIR = '.github/workflows/';

/**
 * Local reusable workflows are written `./.github/workflows/<file>` or, in GitHub's newer
 * self-repository form, `$/.github/workflows/<file>` (the parser accepts both; actionlint 1.7.12 only
 * the first).
 */
export function isLocalCall(ref: string): boolean {
  return ref.startsWith('./') || ref.startsWith('$/');
}
/** Per file, parser errors beyond this many are summarised: one YAML slip can cascade into dozens. */
const MAX_PARSE_ERRORS_PER_FILE = 10;

/** Reads and parses every `*.yml` / `*.yaml` in `dir`, then checks their contracts. */
export async function checkWorkflowDirectory(dir: string): Promise<ContractReport> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new Error(`cannot read workflow directory ${dir}: ${(error as Error).message}`);
  }
  const models = await Promise.all(
    names.map(async (name) => parseWorkflowFile(name, await readFile(path.join(dir, name), 'utf8'))),
  );
  const result = checkWorkflowContracts(models);
  return {
    workflows: models.length,
    reusableCalls: result.reusableCalls,
    findings: result.findings.map((finding) => ({ ...finding, file: path.join(dir, finding.file) })),
  };
}

/**
 * The checks themselves, over already-parsed workflows that live side by side in one directory.
 * Finding `file`s are the models' own `file` names.
 */
export function checkWorkflowContracts(models: readonly WorkflowModel[]): {
  reusableCalls: number;
  findings: ContractFinding[];
} {
  const findings: ContractFinding[] = [];
  const byFile = new Map(models.map((model) => [model.file, model]));
  let reusableCalls = 0;

  for (const model of models) {
    findings.push(...parseFindings(model));
  }

  for (const caller of models) {
    for (const job of caller.jobs) {
      const call = job.call;
      if (!call || !isLocalCall(call.ref)) continue;
      reusableCalls += 1;
      const target = resolveCall(call, byFile);
      const where = callSite(caller, job);
      if (target.kind === 'missing') {
        findings.push(finding(caller, call.line, 'call-target-missing', `${where}: ${target.reason}`));
        continue;
      }
      const callee = target.model;
      if (!callee.parsed) {
        findings.push(
          finding(
            caller,
            call.line,
            'call-target-unparsed',
            `${where}: ${callee.file} could not be parsed, so the call cannot be checked (see its parse errors)`,
          ),
        );
        continue;
      }
      if (!callee.workflowCall) {
        const triggers = callee.events.length ? callee.events.join(', ') : 'none';
        findings.push(
          finding(
            caller,
            call.line,
            'call-target-not-reusable',
            `${where}: ${callee.file} does not declare \`on: workflow_call\`, so it cannot be called (its triggers: ${triggers})`,
          ),
        );
        continue;
      }
      findings.push(...checkInputs(caller, job, call, callee));
      findings.push(...checkSecrets(caller, job, call, callee));
      findings.push(...checkNestedPermissions(caller, job, call, callee));
    }
  }

  for (const workflow of models) {
    if (!workflow.parsed) continue;
    for (const job of workflow.jobs) {
      findings.push(...checkNeedsReads(workflow, job, byFile));
    }
    findings.push(...checkCallOutputs(workflow, byFile));
  }

  findings.sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
  return { reusableCalls, findings };
}

/** `file:line: [rule] message`, or `file: [rule] message` without a line. */
export function formatFinding(finding: ContractFinding): string {
  const at = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
  return `${at}: [${finding.rule}] ${finding.message}`;
}

type Resolution = { kind: 'found'; model: WorkflowModel } | { kind: 'missing'; reason: string };

function resolveCall(call: ReusableCall, byFile: ReadonlyMap<string, WorkflowModel>): Resolution {
  const available = [...byFile.keys()].join(', ') || 'none';
  const relative = call.ref.slice(2);
  const name = relative.startsWith(WORKFLOWS_DIR) ? relative.slice(WORKFLOWS_DIR.length) : '';
  if (name === '' || name.includes('/')) {
    return {
      kind: 'missing',
      reason: `local reusable workflows must live directly in ${WORKFLOWS_DIR}, not at ${call.ref}`,
    };
  }
  const model = byFile.get(name);
  if (!model) {
    return {
      kind: 'missing',
      reason: `${call.ref} does not exist (workflows in this directory: ${available})`,
    };
  }
  return { kind: 'found', model };
}

function checkInputs(
  caller: WorkflowModel,
  job: JobModel,
  call: ReusableCall,
  callee: WorkflowModel,
): ContractFinding[] {
  const findings: ContractFinding[] = [];
  const declared = callee.workflowCall?.inputs ?? [];
  const declaredList = listOf('declared inputs', declared);
  const passed = byLowerName(call.inputs);
  const where = callSite(caller, job);

  for (const input of declared) {
    // A default does not excuse a required input: GitHub's parser (convertWorkflowJobInputs) rejects the
    // call all the same, and actionlint warns that such a default is never used.
    if (input.required && !passed.has(input.name.toLowerCase())) {
      const note = input.hasDefault ? '; its default is never used because it is required' : '';
      findings.push(
        finding(
          caller,
          call.line,
          'input-missing',
          `${where} does not pass required input "${input.name}" (${input.type}) of ${callee.file} (${declaredList}${note})`,
        ),
      );
    }
  }
  const declaredByName = byLowerName(declared);
  for (const value of call.inputs) {
    const definition = declaredByName.get(value.name.toLowerCase());
    if (!definition) {
      findings.push(
        finding(
          caller,
          value.line ?? call.line,
          'input-unknown',
          `${where} passes input "${value.name}", which ${callee.file} does not declare (${declaredList})`,
        ),
      );
      continue;
    }
    const problem = literalTypeProblem(value, definition);
    if (problem) {
      findings.push(
        finding(
          caller,
          value.line ?? call.line,
          'input-type',
          `${where} passes input "${value.name}" as ${problem}, but ${callee.file} declares it type ${definition.type}`,
        ),
      );
    }
  }
  return findings;
}

/**
 * Whether a literal fits the declared input type; expressions are not judged. The rules follow what
 * GitHub accepts: a string input takes text or a number; a boolean input takes true/false (also quoted);
 * a number input takes a number (also quoted).
 */
function literalTypeProblem(value: PassedValue, definition: InputDefinition): string | undefined {
  const literal = value.literal;
  if (!literal) return undefined;
  const shown =
    literal.kind === 'null'
      ? 'an empty value'
      : literal.kind === 'string'
        ? `the string ${JSON.stringify(literal.value)}`
        : `the ${literal.kind} ${String(literal.value)}`;
  switch (definition.type) {
    case 'boolean':
      if (literal.kind === 'boolean') return undefined;
      if (literal.kind === 'string' && /^(true|false)$/i.test(literal.value.trim())) return undefined;
      return shown;
    case 'number':
      if (literal.kind === 'number') return undefined;
      if (literal.kind === 'string' && literal.value.trim() !== '' && Number.isFinite(Number(literal.value)))
        return undefined;
      return shown;
    case 'string':
      return literal.kind === 'boolean' ? shown : undefined;
    default:
      return undefined;
  }
}

function checkSecrets(
  caller: WorkflowModel,
  job: JobModel,
  call: ReusableCall,
  callee: WorkflowModel,
): ContractFinding[] {
  if (call.inheritSecrets) return [];
  const findings: ContractFinding[] = [];
  const declared = callee.workflowCall?.secrets ?? [];
  const declaredList = listOf('declared secrets', declared);
  const passed = byLowerName(call.secrets);
  const where = callSite(caller, job);
  for (const secret of declared) {
    if (secret.required && !passed.has(secret.name.toLowerCase())) {
      findings.push(
        finding(
          caller,
          call.line,
          'secret-missing',
          `${where} does not pass required secret "${secret.name}" of ${callee.file} (${declaredList}; or use \`secrets: inherit\`)`,
        ),
      );
    }
  }
  const declaredByName = byLowerName(declared);
  for (const value of call.secrets) {
    if (!declaredByName.has(value.name.toLowerCase())) {
      findings.push(
        finding(
          caller,
          value.line ?? call.line,
          'secret-unknown',
          `${where} passes secret "${value.name}", which ${callee.file} does not declare (${declaredList})`,
        ),
      );
    }
  }
  return findings;
}

/** The outputs a job exposes to `needs`, or undefined when they cannot be known (remote or broken call). */
function jobOutputs(
  job: JobModel,
  byFile: ReadonlyMap<string, WorkflowModel>,
): { names: string[]; source: string } | undefined {
  if (!job.call) return { names: job.outputs, source: `job "${job.id}" declares` };
  if (!isLocalCall(job.call.ref)) return undefined;
  const target = resolveCall(job.call, byFile);
  if (target.kind === 'missing' || !target.model.workflowCall) return undefined;
  return {
    names: target.model.workflowCall.outputs.map((output) => output.name),
    source: `${target.model.file} (called by job "${job.id}") declares`,
  };
}

function checkNeedsReads(
  workflow: WorkflowModel,
  job: JobModel,
  byFile: ReadonlyMap<string, WorkflowModel>,
): ContractFinding[] {
  const findings: ContractFinding[] = [];
  const jobs = byLowerName(workflow.jobs.map((j) => ({ ...j, name: j.id })));
  const needs = new Set(job.needs.map((n) => n.toLowerCase()));
  for (const read of job.needsReferences) {
    const expr = `needs.${read.job}.outputs.${read.output}`;
    const where = `${workflow.file} job "${job.id}" reads ${expr}`;
    const target = jobs.get(read.job.toLowerCase());
    if (!target) {
      const all = workflow.jobs.map((j) => j.id).join(', ');
      findings.push(
        finding(
          workflow,
          read.line,
          'needs-job-unknown',
          `${where}, but there is no job "${read.job}" (jobs: ${all})`,
        ),
      );
      continue;
    }
    if (!needs.has(read.job.toLowerCase())) {
      const listed = job.needs.length ? job.needs.join(', ') : 'nothing';
      findings.push(
        finding(
          workflow,
          read.line,
          'needs-not-declared',
          `${where}, but "${read.job}" is not in its needs (needs: ${listed}), so the value is always empty`,
        ),
      );
    }
    const outputs = jobOutputs(target, byFile);
    if (outputs && !includesName(outputs.names, read.output)) {
      findings.push(
        finding(
          workflow,
          read.line,
          'needs-output-unknown',
          `${where}, but ${outputs.source} no output "${read.output}" (${listOf('outputs', outputs.names)})`,
        ),
      );
    }
  }
  return findings;
}

function checkCallOutputs(
  workflow: WorkflowModel,
  byFile: ReadonlyMap<string, WorkflowModel>,
): ContractFinding[] {
  const findings: ContractFinding[] = [];
  const outputs = workflow.workflowCall?.outputs ?? [];
  const jobs = byLowerName(workflow.jobs.map((j) => ({ ...j, name: j.id })));
  for (const output of outputs) {
    for (const read of output.references) {
      const where = `${workflow.file} workflow_call output "${output.name}" reads jobs.${read.job}.outputs.${read.output}`;
      const job = jobs.get(read.job.toLowerCase());
      if (!job) {
        const all = workflow.jobs.map((j) => j.id).join(', ') || 'none';
        findings.push(
          finding(
            workflow,
            read.line ?? output.line,
            'call-output-job-unknown',
            `${where}, but there is no job "${read.job}" (jobs: ${all})`,
          ),
        );
        continue;
      }
      const declared = jobOutputs(job, byFile);
      if (declared && !includesName(declared.names, read.output)) {
        findings.push(
          finding(
            workflow,
            read.line ?? output.line,
            'call-output-unknown',
            `${where}, but ${declared.source} no output "${read.output}" (${listOf('outputs', declared.names)})`,
          ),
        );
      }
    }
  }
  return findings;
}

function parseFindings(model: WorkflowModel): ContractFinding[] {
  const shown = model.errors.slice(0, MAX_PARSE_ERRORS_PER_FILE);
  const findings = shown.map((error) => finding(model, error.line, 'parse-error', error.message));
  const hidden = model.errors.length - shown.length;
  if (hidden > 0) {
    const last = shown.at(-1)?.line;
    findings.push(
      finding(model, last, 'parse-error', `${hidden} more parser error(s) in ${model.file} not shown`),
    );
  }
  return findings;
}

function callSite(caller: WorkflowModel, job: JobModel): string {
  return `${caller.file} job "${job.id}" (uses ${job.call?.ref ?? '?'})`;
}

function finding(
  model: WorkflowModel,
  line: number | undefined,
  rule: ContractRule,
  message: string,
): ContractFinding {
  return line === undefined ? { file: model.file, rule, message } : { file: model.file, line, rule, message };
}

function byLowerName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name.toLowerCase(), item]));
}

function includesName(names: readonly string[], name: string): boolean {
  const wanted = name.toLowerCase();
  return names.some((n) => n.toLowerCase() === wanted);
}

function listOf(label: string, items: readonly (string | { name: string })[]): string {
  const names = items.map((item) => (typeof item === 'string' ? item : item.name));
  return names.length ? `${label}: ${names.join(', ')}` : `${label}: none`;
}

const LEVEL_RANK: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 };

function levelOf(permissions: Permissions, scope: string): PermissionLevel {
  if (permissions.kind === 'all') return permissions.level;
  return permissions.scopes[scope] ?? 'none';
}

/**
 * GitHub refuses to start a run in which a called workflow's job asks for more GITHUB_TOKEN access than
 * the calling job grants, and it checks this before any job runs, whatever the jobs' `if:` (so a job
 * that would be skipped still counts). Without permissions on the caller the repository default
 * applies, which this check cannot know: such calls are not judged.
 */
function checkNestedPermissions(
  caller: WorkflowModel,
  job: JobModel,
  call: ReusableCall,
  callee: WorkflowModel,
): ContractFinding[] {
  const granted = job.permissions ?? caller.permissions;
  if (granted === undefined) return [];
  const findings: ContractFinding[] = [];
  for (const nested of callee.jobs) {
    const asked = nested.permissions ?? callee.permissions;
    if (asked === undefined) continue; // inherits whatever the caller grants
    if (asked.kind === 'all') {
      const enough = granted.kind === 'all' && LEVEL_RANK[granted.level] >= LEVEL_RANK[asked.level];
      if (asked.level !== 'none' && !enough) {
        findings.push(
          finding(
            caller,
            call.line,
            'permissions-exceed',
            `${callSite(caller, job)}: ${callee.file} job "${nested.id}" asks ${asked.level}-all, more than this job grants`,
          ),
        );
      }
      continue;
    }
    for (const [scope, level] of Object.entries(asked.scopes)) {
      const allowed = levelOf(granted, scope);
      if (LEVEL_RANK[level] > LEVEL_RANK[allowed]) {
        findings.push(
          finding(
            caller,
            call.line,
            'permissions-exceed',
            `${callSite(caller, job)}: ${callee.file} job "${nested.id}" asks ${scope}: ${level}, but this job grants ${scope}: ${allowed}; GitHub refuses the whole run before any job starts, whatever the nested job's if:`,
          ),
        );
      }
    }
  }
  return findings;
}
