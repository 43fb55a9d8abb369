/**
 * The `outbound-urls` input: `{ "<fspId>": "<SDK outbound base URL>" }` from the deploy-mojaloop phase,
 * one entry per DFSP of the run. k6 calls these URLs (REFERENCE §2), so a missing DFSP or a URL that is
 * not http(s) is refused here, before anything is created, naming the input, the key and what is allowed.
 */
import { dfspIds } from '../fleet/names.js';

export const OUTBOUND_URLS_INPUT = 'outbound-urls';

export type OutboundUrls = Record<string, string>;

const ALLOWED_OBJECT = 'a JSON object {"<fspId>": "<SDK outbound base URL>"} (the deploy-mojaloop output)';

/** The validated map, keys in DFSP order, URLs without a trailing slash. */
export function parseOutboundUrls(
  text: string,
  dfspCount: number,
  input = OUTBOUND_URLS_INPUT,
): OutboundUrls {
  const expected = dfspIds(dfspCount);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`input ${input}: got ${JSON.stringify(text.slice(0, 60))}; allowed: ${ALLOWED_OBJECT}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`input ${input}: got ${JSON.stringify(parsed)}; allowed: ${ALLOWED_OBJECT}`);
  }
  const entries = parsed as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(entries)) {
    if (!expected.includes(key)) {
      problems.push(
        `key ${JSON.stringify(key)} is not a DFSP of this run; allowed: ${expected.join(', ')} (dfsps.count ${dfspCount})`,
      );
    }
  }
  const urls: OutboundUrls = {};
  for (const id of expected) {
    const value = entries[id];
    if (value === undefined) {
      problems.push(
        `key ${JSON.stringify(id)} is missing; allowed: every DFSP of the run has its outbound URL`,
      );
      continue;
    }
    const problem = urlProblem(value);
    if (problem !== null) {
      problems.push(`key ${JSON.stringify(id)}: got ${JSON.stringify(value)}; allowed: ${problem}`);
      continue;
    }
    urls[id] = (value as string).replace(/\/+$/, '');
  }
  if (problems.length > 0) {
    throw new Error(`input ${input}: ${problems.join('; ')}`);
  }
  return urls;
}

function urlProblem(value: unknown): string | null {
  const allowed = 'an http:// or https:// URL with a host and no credentials';
  if (typeof value !== 'string') return allowed;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return allowed;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return allowed;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return allowed;
  if (url.search !== '' || url.hash !== '') return `${allowed}, and no query or fragment (a base URL)`;
  return null;
}
