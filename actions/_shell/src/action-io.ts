/**
 * The I/O surface an action shell injects into its `run()`: every call, declared once. Each action's
 * `run.ts` takes the slice it uses (`ActionIoOf<…>`), so its tests pass a fake of just that slice;
 * `actionsIo` (io.ts) is the one adapter from `@actions/core` and satisfies every slice. No imports,
 * so tests load no `@actions/*` code through it.
 */
export interface ActionsIo {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  setFailed(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  writeSummary(markdown: string): Promise<void>;
}

export type ActionIoOf<K extends keyof ActionsIo> = Pick<ActionsIo, K>;

/** The slice of the phases that reach a cluster or AWS: they mask what they mint (setSecret). */
export type CloudPhaseIo = ActionIoOf<
  'getInput' | 'setOutput' | 'setSecret' | 'setFailed' | 'info' | 'writeSummary'
>;
