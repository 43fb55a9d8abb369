import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's location so scripts work from any directory. */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}
