/**
 * The only module that touches `@actions/workflow-parser` (GitHub's own workflow parser, as used by the
 * Actions language service). It turns one workflow file into the plain `WorkflowModel` of `model.ts`.
 *
 * What comes from where:
 * - Errors: the parser's template context, which collects YAML syntax errors, schema violations and the
 *   converter's semantic errors (unknown `needs`, cycles, bad cron, ...), each with a range.
 * - Jobs, `needs`, job `outputs`, and a reusable-workflow job's `uses` / `with` / `secrets`
 *   (`secrets: inherit` included): the converted `WorkflowTemplate`.
 * - `on.workflow_call` inputs, secrets and outputs: the parsed token tree. The converted template cannot
 *   be used for this: in parser 0.3.61 it drops `workflow_call.outputs` entirely (a TODO in the package)
 *   and maps `type: number` to `undefined`. The token tree still carries every key, type and line.
 * - Expression reads (`needs.x.outputs.y`, `jobs.x.outputs.y`): the token tree's expression tokens,
 *   scanned by `references.ts`, because the parser exposes expressions only as text.
 */
import { register } from 'node:module';
import type { WorkflowTemplate } from '@actions/workflow-parser';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import type {
  CallOutputDefinition,
  InputDefinition,
  JobModel,
  LiteralValue,
  OutputReference,
  PassedValue,
  PermissionLevel,
  Permissions,
  ReusableCall,
  SecretDefinition,
  SourceError,
  WorkflowCallInterface,
  WorkflowModel,
} from './model.js';
import { findOutputReads } from './references.js';

/**
 * Parser 0.3.61 imports its JSON schemas without `with { type: 'json' }`, which Node's own ESM loader
 * rejects (ERR_IMPORT_ATTRIBUTE_MISSING; actions/languageservices issue 387). tsx and bundlers cope;
 * plain Node and vitest (which loads node_modules natively) do not. So before the first import, a
 * loader hook serves those two JSON files as `export default <json>` modules. It only ever matches
 * JSON files inside @actions/workflow-parser imported without a type attribute.
 */
const SCHEMA_JSON_HOOK = `
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && url.includes('/@actions/workflow-parser/')
      && context.importAttributes?.type !== 'json') {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL(url), 'utf8');
    return { format: 'module', source: 'export default ' + text + ';', shortCircuit: true };
  }
  return nextLoad(url, context);
}`;

type Parser = typeof import('@actions/workflow-parser') & {
  ErrorPolicy: typeof import('@actions/workflow-parser/model/convert').ErrorPolicy;
};
let parserPromise: Promise<Parser> | undefined;
/** The loaded parser; `parseWorkflowFile` sets it before any helper below runs. */
let parser: Parser;

function loadParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    register(`data:text/javascript,${encodeURIComponent(SCHEMA_JSON_HOOK)}`);
    const [api, convert] = await Promise.all([
      import('@actions/workflow-parser'),
      import('@actions/workflow-parser/model/convert'),
    ]);
    return { ...api, ErrorPolicy: convert.ErrorPolicy };
  })();
  return parserPromise;
}

/** Parses one workflow file. Never throws for bad content: problems land in `errors`. */
export async function parseWorkflowFile(file: string, content: string): Promise<WorkflowModel> {
  parser = await loadParser();
  const parsed = parser.parseWorkflow({ name: file, content }, new parser.NoOperationTraceWriter());
  const root = parsed.value;
  if (root === undefined || !parser.isMapping(root)) {
    return { file, errors: collectErrors(parsed.context), parsed: false, events: [], jobs: [] };
  }
  let template: WorkflowTemplate | undefined;
  try {
    // TryConversion: still build the model when the schema check found errors, so the contract checks
    // run too; the errors themselves are reported from the context below.
    template = await parser.convertWorkflowTemplate(parsed.context, root, undefined, {
      errorPolicy: parser.ErrorPolicy.TryConversion,
    });
  } catch (error) {
    parsed.context.error(root, error);
  }
  const rawJobs = findMapping(root, 'jobs');
  const jobs = (template?.jobs ?? []).map((job) => {
    const raw = rawJobs?.find(job.id.value);
    return toJobModel(job, raw);
  });
  const on = find(root, 'on');
  return {
    file,
    errors: collectErrors(parsed.context),
    parsed: true,
    events: on ? eventNames(on) : [],
    ...optional('workflowCall', on ? workflowCallInterface(on) : undefined),
    ...optional('permissions', permissionsOf(find(root, 'permissions'))),
    jobs,
  };
}

type Job = WorkflowTemplate['jobs'][number];

interface ErrorSource {
  errors: { getErrors(): { rawMessage: string; range?: { start: { line: number } } | undefined }[] };
}

function collectErrors(context: ErrorSource): SourceError[] {
  const seen = new Set<string>();
  const errors: SourceError[] = [];
  for (const error of context.errors.getErrors()) {
    // YAML syntax errors carry a multi-line snippet after the first line; the line number says where.
    const message = (error.rawMessage.split('\n')[0] ?? '').trim().replace(/:$/, '');
    const line = error.range?.start.line;
    const key = `${line}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ ...optional('line', line), message });
  }
  return errors;
}

function toJobModel(job: Job, raw: TemplateToken | undefined): JobModel {
  const model: JobModel = {
    id: job.id.value,
    ...optional('line', job.id.line),
    needs: (job.needs ?? []).map((need) => need.value),
    outputs: job.type === 'job' && job.outputs ? mappingKeys(job.outputs) : [],
    needsReferences: raw ? expressionReads(raw, 'needs') : [],
    ...optional('permissions', raw ? permissionsOf(find(raw, 'permissions')) : undefined),
  };
  if (job.type === 'reusableWorkflowJob') {
    const call: ReusableCall = {
      ref: job.ref.value,
      ...optional('line', job.ref.line),
      inputs: job['input-values'] ? passedValues(job['input-values']) : [],
      secrets: job['secret-values'] ? passedValues(job['secret-values']) : [],
      inheritSecrets: job['inherit-secrets'] === true,
    };
    model.call = call;
  }
  return model;
}

const LEVELS = new Set<string>(['none', 'read', 'write']);

/** A `permissions:` value; undefined when absent or not understood (the parser reports bad values). */
function permissionsOf(token: TemplateToken | undefined): Permissions | undefined {
  if (token === undefined) return undefined;
  if (parser.isString(token)) {
    if (token.value === 'read-all') return { kind: 'all', level: 'read' };
    if (token.value === 'write-all') return { kind: 'all', level: 'write' };
    return undefined;
  }
  if (!parser.isMapping(token)) return undefined;
  const scopes: Record<string, PermissionLevel> = {};
  for (const pair of token) {
    if (parser.isString(pair.key) && parser.isString(pair.value) && LEVELS.has(pair.value.value)) {
      scopes[pair.key.value] = pair.value.value as PermissionLevel;
    }
  }
  return { kind: 'scopes', scopes };
}

function passedValues(mapping: MappingToken): PassedValue[] {
  const values: PassedValue[] = [];
  for (const pair of mapping) {
    if (!parser.isString(pair.key)) continue;
    const literal = literalOf(pair.value);
    values.push({
      name: pair.key.value,
      ...optional('line', pair.key.line),
      ...optional('literal', literal),
    });
  }
  return values;
}

function literalOf(token: TemplateToken): LiteralValue | undefined {
  if (parser.isString(token)) return { kind: 'string', value: token.value };
  if (parser.isNumber(token)) return { kind: 'number', value: token.value };
  if (parser.isBoolean(token)) return { kind: 'boolean', value: token.value };
  // The remaining literal is null (`key:` with nothing after it); expressions are not literals.
  if (token.isLiteral) return { kind: 'null' };
  return undefined;
}

function eventNames(on: TemplateToken): string[] {
  if (parser.isString(on)) return [on.value];
  if (parser.isSequence(on)) return [...on].filter(parser.isString).map((t) => t.value);
  if (parser.isMapping(on)) return mappingKeys(on);
  return [];
}

function workflowCallInterface(on: TemplateToken): WorkflowCallInterface | undefined {
  const empty = (line: number | undefined): WorkflowCallInterface => ({
    ...optional('line', line),
    inputs: [],
    secrets: [],
    outputs: [],
  });
  if (parser.isString(on)) return on.value === 'workflow_call' ? empty(on.line) : undefined;
  if (parser.isSequence(on)) {
    const entry = [...on].find((t) => parser.isString(t) && t.value === 'workflow_call');
    return entry ? empty(entry.line) : undefined;
  }
  if (!parser.isMapping(on)) return undefined;
  for (const pair of on) {
    if (!parser.isString(pair.key) || pair.key.value !== 'workflow_call') continue;
    const call = empty(pair.key.line);
    if (!parser.isMapping(pair.value)) return call; // `workflow_call:` with no body
    const inputs = find(pair.value, 'inputs');
    if (inputs && parser.isMapping(inputs)) call.inputs = inputDefinitions(inputs);
    const secrets = find(pair.value, 'secrets');
    if (secrets && parser.isMapping(secrets)) call.secrets = secretDefinitions(secrets);
    const outputs = find(pair.value, 'outputs');
    if (outputs && parser.isMapping(outputs)) call.outputs = outputDefinitions(outputs);
    return call;
  }
  return undefined;
}

function inputDefinitions(inputs: MappingToken): InputDefinition[] {
  const result: InputDefinition[] = [];
  for (const pair of inputs) {
    if (!parser.isString(pair.key)) continue;
    const spec = parser.isMapping(pair.value) ? pair.value : undefined;
    const type = spec ? find(spec, 'type') : undefined;
    const required = spec ? find(spec, 'required') : undefined;
    const defaultValue = spec ? find(spec, 'default') : undefined;
    result.push({
      name: pair.key.value,
      type: type && parser.isString(type) ? type.value : 'string',
      required: required !== undefined && parser.isBoolean(required) && required.value,
      hasDefault: defaultValue !== undefined && literalOf(defaultValue)?.kind !== 'null',
      ...optional('line', pair.key.line),
    });
  }
  return result;
}

function secretDefinitions(secrets: MappingToken): SecretDefinition[] {
  const result: SecretDefinition[] = [];
  for (const pair of secrets) {
    if (!parser.isString(pair.key)) continue;
    const required = parser.isMapping(pair.value) ? find(pair.value, 'required') : undefined;
    result.push({
      name: pair.key.value,
      required: required !== undefined && parser.isBoolean(required) && required.value,
      ...optional('line', pair.key.line),
    });
  }
  return result;
}

function outputDefinitions(outputs: MappingToken): CallOutputDefinition[] {
  const result: CallOutputDefinition[] = [];
  for (const pair of outputs) {
    if (!parser.isString(pair.key)) continue;
    const value = parser.isMapping(pair.value) ? find(pair.value, 'value') : undefined;
    result.push({
      name: pair.key.value,
      ...optional('line', pair.key.line),
      references: value ? expressionReads(value, 'jobs') : [],
    });
  }
  return result;
}

/**
 * Every `<context>.<job>.outputs.<name>` read under `token`. Expression tokens are scanned; a plain
 * string is scanned only as the value of an `if:` key, where GitHub treats it as an expression anyway.
 */
function expressionReads(token: TemplateToken, context: 'needs' | 'jobs'): OutputReference[] {
  const reads: OutputReference[] = [];
  const scan = (text: string, line: number | undefined) => {
    for (const read of findOutputReads(text, context)) {
      reads.push({ job: read.job, output: read.output, ...optional('line', line) });
    }
  };
  const visit = (node: TemplateToken, key: string | undefined) => {
    if (parser.isBasicExpression(node)) {
      // A string mixing text and ${{ }} becomes one format(...) expression; its parts keep their lines.
      const parts = node.originalExpressions?.length ? node.originalExpressions : [node];
      for (const part of parts) scan(part.expression, part.line ?? node.line);
    } else if (parser.isString(node)) {
      if (key === 'if') scan(node.value, node.line);
    } else if (parser.isMapping(node)) {
      for (const pair of node) {
        visit(pair.value, parser.isString(pair.key) ? pair.key.value : undefined);
      }
    } else if (parser.isSequence(node)) {
      for (const item of node) visit(item, undefined);
    }
  };
  visit(token, undefined);
  return reads;
}

function find(mapping: TemplateToken, key: string): TemplateToken | undefined {
  return parser.isMapping(mapping) ? mapping.find(key) : undefined;
}

function findMapping(mapping: TemplateToken, key: string): MappingToken | undefined {
  const value = find(mapping, key);
  return value && parser.isMapping(value) ? value : undefined;
}

function mappingKeys(mapping: MappingToken): string[] {
  const keys: string[] = [];
  for (const pair of mapping) if (parser.isString(pair.key)) keys.push(pair.key.value);
  return keys;
}

/** `{ [key]: value }` when the value is defined, `{}` otherwise (keeps optional properties absent). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
