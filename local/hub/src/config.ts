/**
 * The hub's configuration, `hub.json` (local/README.md, "Hub configuration"), read from the path in
 * `HUB_CONFIG`. Unknown keys are rejected so a typo never silently falls back to a default.
 */
import { readFile } from 'node:fs/promises';
import { HUB_FSP_ID } from '@mlperf/core/fleet/names';
import { z } from 'zod';

const port = z.number().int().min(0).max(65_535);
const path = z.string().min(1);

const TlsFilesSchema = z.strictObject({ caPath: path, certPath: path, keyPath: path });

export const HubConfigSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  fspiopPort: port,
  adminPort: port,
  alsPort: port,
  hubFspId: z.string().min(1).max(32).default(HUB_FSP_ID),
  /** Null: plain HTTP on the FSPIOP port (tests only). Otherwise mutual TLS against `caPath`. */
  tls: TlsFilesSchema.nullable(),
  /** The hub's client identity for callbacks to DFSP inbound APIs; null: no client certificate. */
  callbackTls: TlsFilesSchema.nullable(),
  jws: z.strictObject({
    /** Verify FSPIOP-Signature on every inbound message that has a body. */
    validate: z.boolean(),
    /** `<fspId>.pem` public keys. */
    verificationKeysDir: path,
    /** The hub's private key; messages the hub originates are signed as `FSPIOP-Source: <hubFspId>`. */
    signingKeyPath: path,
  }),
  /** `check`: decode each prepare's ILP packet and hold it against the transfer. */
  ilp: z.strictObject({ check: z.boolean() }),
  /** How long a settled transfer stays in memory. */
  retentionSeconds: z.number().int().positive(),
  // ---- optional tuning (not in the contract's example; defaults shown) ----
  /**
   * After a commit (or a payee abort), also send the payee a copy signed by the hub, as ml-api-adapter
   * does with `SEND_TRANSFER_CONFIRMATION_TO_PAYEE: true`. Off by default: SDK 18 answers such a copy by
   * publishing on the transfer's Redis channels, and when payer and payee SDKs share one Redis (the
   * local stack) the payer's subscriber gets the message twice and SDK 18's cache crashes
   * (`cache.js` reads a deleted callback map); it also costs the hub an RSA signature per transfer.
   * A payee that answered `RESERVED` always gets the v1.1 `PATCH /transfers/{id}`, whatever this says.
   */
  notifyPayeeOnCommit: z.boolean().default(false),
  /** Deadline of one callback request to a DFSP, ms. */
  callbackTimeoutMs: z.number().int().positive().max(120_000).default(10_000),
  /** Connections kept open to each DFSP. */
  maxSocketsPerDfsp: z.number().int().positive().max(4096).default(256),
  /**
   * How long an idle inbound connection stays open, ms. SDK 18 makes a new HTTPS agent (so a new
   * connection) for most requests and never reuses it; a long timeout only piles up idle sockets on
   * both sides. Node's own default.
   */
  keepAliveTimeoutMs: z.number().int().positive().max(600_000).default(5000),
  /** How often reserved transfers are checked for expiry and settled ones evicted, ms. */
  sweepIntervalMs: z.number().int().positive().max(60_000).default(1000),
});

export type HubConfig = z.infer<typeof HubConfigSchema>;
export type HubConfigInput = z.input<typeof HubConfigSchema>;
export type TlsFiles = z.infer<typeof TlsFilesSchema>;

export class HubConfigError extends Error {
  override readonly name = 'HubConfigError';
}

/** Validates a parsed configuration object. */
export function parseHubConfig(input: unknown, source = 'hub configuration'): HubConfig {
  const result = HubConfigSchema.safeParse(input);
  if (!result.success) {
    throw new HubConfigError(`${source} is invalid:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Reads and validates `hub.json`. */
export async function loadHubConfig(file: string): Promise<HubConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new HubConfigError(`cannot read hub configuration ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new HubConfigError(`hub configuration ${file} is not JSON: ${(error as Error).message}`);
  }
  return parseHubConfig(parsed, file);
}
