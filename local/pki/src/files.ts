/**
 * Private files and directories: every directory the local stack creates is 0700 and every file 0600,
 * whatever the umask. Writes are atomic (temporary file in the same directory, then rename), so a
 * crash never leaves a half-written key or certificate behind.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) and forces mode 0700 on it. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  await chmod(dir, DIR_MODE);
}

/** Writes `data` to `path` atomically with mode 0600; the parent directory must exist. */
export async function writePrivateFile(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data, { mode: FILE_MODE, flag: 'wx' });
    await chmod(tmp, FILE_MODE);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Forces mode 0600 on an existing file (reused material may have been created with another mode). */
export async function enforceFileMode(path: string): Promise<void> {
  await chmod(path, FILE_MODE);
}

/** The file's text, or undefined when it does not exist. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The permission bits of a path (for tests and checks). */
export async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}
