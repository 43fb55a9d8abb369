/**
 * Per-process log files and what the supervisor shows of them: the last lines, with anything secret
 * taken out. Nothing secret should reach a log in the first place; this is the second line of defence.
 */
import { closeSync, openSync } from 'node:fs';
import { chmod, open } from 'node:fs/promises';

// A private key PEM block, also inside JSON strings ("\n" escapes) and also cut short (no END line):
// the BEGIN line and every following line made only of base64 characters.
const PEM_PRIVATE =
  /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?:(?:\r?\n|\\n)[A-Za-z0-9+/=]+(?=\r?\n|\\n|["\s]|$))*(?:(?:\r?\n|\\n)-----END \1PRIVATE KEY-----)?/g;
const SECRET_ASSIGNMENT =
  /\b(ILP_SECRET|ilpSecret|[A-Z_]*(?:SECRET|PASSWORD|TOKEN)[A-Z_]*)(\s*[=:]\s*|"\s*:\s*")([^\s",}]+)/g;

/** Replaces private keys, `*_SECRET=…`-style assignments and every given secret value with a marker. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(PEM_PRIVATE, '[redacted private key]');
  out = out.replace(SECRET_ASSIGNMENT, (_match, name: string, sep: string) => `${name}${sep}[redacted]`);
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** The last `lines` lines of a file (reading at most its last `maxBytes`), redacted; '' when unreadable. */
export async function logTail(
  path: string,
  options: { lines?: number; maxBytes?: number; secrets?: readonly string[] } = {},
): Promise<string> {
  const lines = options.lines ?? 30;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    const all = text.split('\n');
    if (all.at(-1) === '') all.pop();
    // A partial first line (cut by maxBytes) is dropped unless it is all there is.
    if (length < size && all.length > 1) all.shift();
    return redact(all.slice(-lines).join('\n'), options.secrets);
  } catch {
    return '';
  } finally {
    await handle?.close();
  }
}

/** Opens (creating 0600) a log file for appending; the caller hands the fd to a child and closes it. */
export async function openLogFile(path: string): Promise<number> {
  const fd = openSync(path, 'a', 0o600);
  try {
    await chmod(path, 0o600);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/** Indents a log tail for inclusion in an error message. */
export function indentTail(tail: string): string {
  return tail === ''
    ? '  (log is empty)'
    : tail
        .split('\n')
        .map((line) => `  | ${line}`)
        .join('\n');
}
