/**
 * A plain description of one workflow file: just what the reusable-workflow contract checks need.
 * `parse.ts` builds it from `@actions/workflow-parser`; nothing else depends on the parser's types.
 * Lines are 1-based and point into the workflow file the model describes.
 */

/** Something the parser reported about the file (YAML syntax, schema, template conversion). */
export interface SourceError {
  line?: number;
  message: string;
}

/** A value written directly in the YAML, as opposed to a `${{ }}` expression. */
export type LiteralValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

/** One entry of a caller's `with:` or `secrets:` mapping. `literal` is absent for an expression. */
export interface PassedValue {
  name: string;
  line?: number;
  literal?: LiteralValue;
}

/** One `on.workflow_call.inputs.<name>` definition. */
export interface InputDefinition {
  name: string;
  /** As written: `string`, `boolean` or `number` (anything else is a schema error the parser reports). */
  type: string;
  required: boolean;
  hasDefault: boolean;
  line?: number;
}

/** One `on.workflow_call.secrets.<name>` definition. */
export interface SecretDefinition {
  name: string;
  required: boolean;
  line?: number;
}

/** A `<context>.<job>.outputs.<output>` property read inside an expression. */
export interface OutputReference {
  job: string;
  output: string;
  line?: number;
}

/** One `on.workflow_call.outputs.<name>`, with the `jobs.<job>.outputs.<output>` its `value` reads. */
export interface CallOutputDefinition {
  name: string;
  line?: number;
  references: OutputReference[];
}

/** The interface a reusable workflow offers through `on: workflow_call`. */
export interface WorkflowCallInterface {
  line?: number;
  inputs: InputDefinition[];
  secrets: SecretDefinition[];
  outputs: CallOutputDefinition[];
}

/** A job's `uses:` of a reusable workflow, with what it passes. */
export interface ReusableCall {
  ref: string;
  line?: number;
  inputs: PassedValue[];
  secrets: PassedValue[];
  inheritSecrets: boolean;
}

/** A GITHUB_TOKEN access level. */
export type PermissionLevel = 'none' | 'read' | 'write';

/**
 * A `permissions:` block: `read-all` / `write-all` (every scope at one level; `{}` is every scope at
 * none), or one level per named scope with the others at none.
 */
export type Permissions =
  | { kind: 'all'; level: PermissionLevel }
  | { kind: 'scopes'; scopes: Readonly<Record<string, PermissionLevel>> };

export interface JobModel {
  id: string;
  line?: number;
  /** The job's own `permissions:`; absent when it has none (it then gets the workflow's). */
  permissions?: Permissions;
  needs: string[];
  /** Output names an ordinary job declares under `outputs:` (empty for a reusable-workflow job). */
  outputs: string[];
  call?: ReusableCall;
  /** Every `needs.<job>.outputs.<name>` read anywhere inside the job. */
  needsReferences: OutputReference[];
}

export interface WorkflowModel {
  /** The file name, e.g. `ci.yml`. */
  file: string;
  errors: SourceError[];
  /** False when the file is not even a YAML mapping; the rest of the model is then empty. */
  parsed: boolean;
  /** Trigger names under `on:`. */
  events: string[];
  workflowCall?: WorkflowCallInterface;
  /** The workflow-level `permissions:`; absent when it has none (the repository default applies). */
  permissions?: Permissions;
  jobs: JobModel[];
}
