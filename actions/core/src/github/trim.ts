/**
 * Cutting Markdown to a sink's size limit at a line break, with a closing note saying so. The
 * renderer trims a report structurally (render.ts); this is the last guard for text from anywhere,
 * so no sink ever sends GitHub a body it would refuse.
 */

/** How a sink counts size: characters (comments, release notes) or UTF-8 bytes (step summaries). */
export type Measure = (text: string) => number;

export const characters: Measure = (text) => text.length;
export const utf8Bytes: Measure = (text) => Buffer.byteLength(text, 'utf8');

const FENCE = /^\s*(```|~~~)/;
const CLOSE_FENCE = '```\n';

export interface Fitted {
  text: string;
  trimmed: boolean;
}

/**
 * `text` when it fits in `limit`; otherwise its longest run of whole lines that fits together with a
 * blank line and `note`. A code fence left open by the cut is closed, so the note renders as text.
 * Both measures are additive over concatenation, which lets the cut be found in one pass.
 */
export function fitAtLineBreak(
  text: string,
  limit: number,
  note: string,
  measure: Measure = characters,
): Fitted {
  if (measure(text) <= limit) return { text, trimmed: false };
  const tail = `\n${note}\n`;
  const room = limit - measure(tail) - measure(CLOSE_FENCE);
  if (room < 0) throw new Error(`a limit of ${limit} leaves no room for the note ${JSON.stringify(note)}`);

  const lines = text.split('\n');
  let used = 0;
  let count = 0;
  for (const line of lines) {
    const size = measure(line) + 1;
    if (used + size > room) break;
    used += size;
    count++;
  }
  let kept = lines.slice(0, count).join('\n');
  if (count > 0) kept += '\n';
  else kept = `${cutByCodePoints(lines[0] ?? '', room - 1, measure)}\n`;

  const openFences = lines.slice(0, count).filter((line) => FENCE.test(line)).length;
  if (openFences % 2 === 1) kept += CLOSE_FENCE;
  return { text: `${kept}${tail}`, trimmed: true };
}

/** The longest prefix of one over-long line that fits, never splitting a surrogate pair. */
function cutByCodePoints(line: string, room: number, measure: Measure): string {
  let out = '';
  let used = 0;
  for (const char of line) {
    const size = measure(char);
    if (used + size > room) break;
    out += char;
    used += size;
  }
  return out;
}
