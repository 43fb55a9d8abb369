/**
 * Finds `<context>.<job>.outputs.<name>` reads in the text of a GitHub Actions expression, for the
 * contexts that carry job outputs: `needs` (in a job) and `jobs` (in `on.workflow_call.outputs.*.value`).
 *
 * This is a scanner, not a full expression parser: it understands dotted access and single-quoted
 * bracket access (`needs['build'].outputs['version']`), ignores text inside other string literals, and
 * skips what it cannot name statically (`needs.*.outputs.x`, `needs[matrix.job]`, `needs.build.outputs`).
 */

export interface ExpressionOutputRead {
  job: string;
  output: string;
  /** Character offset of the read within the expression text. */
  index: number;
}

const IDENT = '[A-Za-z_][A-Za-z0-9_-]*';
const QUOTED = "'((?:[^']|'')*)'";
const segment = (group: string) => `(?:\\s*\\.\\s*(${group})|\\s*\\[\\s*${QUOTED}\\s*\\])`;

function readPattern(context: string): RegExp {
  // <context> . job . outputs . name   (each step may instead be ['...'])
  return new RegExp(
    `(?<![A-Za-z0-9_.\\-\\]])${context}${segment(IDENT)}(?:\\s*\\.\\s*outputs|\\s*\\[\\s*'outputs'\\s*\\])${segment(IDENT)}`,
    'gi',
  );
}

const PATTERNS = { needs: readPattern('needs'), jobs: readPattern('jobs') } as const;

/**
 * Blanks the inside of string literals that are not bracket property names, so that text such as
 * `'see needs.a.outputs.b'` is not mistaken for a read. Offsets are preserved.
 */
export function maskStringLiterals(expression: string): string {
  const out = expression.split('');
  let i = 0;
  while (i < expression.length) {
    if (expression[i] !== "'") {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < expression.length) {
      if (expression[end] === "'") {
        if (expression[end + 1] === "'") {
          end += 2;
          continue;
        }
        break;
      }
      end += 1;
    }
    const before = expression.slice(0, i).trimEnd();
    const after = expression.slice(end + 1).trimStart();
    const isPropertyName = before.endsWith('[') && after.startsWith(']');
    if (!isPropertyName) {
      for (let k = i + 1; k < end && k < expression.length; k += 1) out[k] = ' ';
    }
    i = end + 1;
  }
  return out.join('');
}

/** Every statically named `<context>.<job>.outputs.<name>` read in `expression`, in order. */
export function findOutputReads(expression: string, context: 'needs' | 'jobs'): ExpressionOutputRead[] {
  const masked = maskStringLiterals(expression);
  const pattern = PATTERNS[context];
  pattern.lastIndex = 0;
  const reads: ExpressionOutputRead[] = [];
  for (const match of masked.matchAll(pattern)) {
    const job = match[1] ?? unquote(match[2]);
    const output = match[3] ?? unquote(match[4]);
    if (job && output) reads.push({ job, output, index: match.index });
  }
  return reads;
}

function unquote(text: string | undefined): string | undefined {
  return text?.replaceAll("''", "'");
}
