/**
 * The probe DFSPs and where their credentials come from. verify-security needs two DFSPs of its
 * own whose callback endpoints point at its receiver: `perfprobe1` (payer) and `perfprobe2` (payee).
 * They are onboarded like any DFSP (onboardFleet's `extraDfsps`), with no party identifiers, and
 * need what every DFSP needs from the PKI: a client certificate with CN = fspId from the
 * environment CA and a JWS key pair whose public half the hub verifies with.
 *
 * - Local stack: the supervisor issues their certificates (`pki/perfprobeN/`) and JWS keys
 *   (`jws/perfprobeN.pem`, `jws-private/perfprobeN-key.pem`) like the fleet's, and the receiver
 *   listens on 127.0.0.1 at a fixed port with the perfprobe1 server certificate
 *   (see `localSecurityTarget`).
 * - Cloud: verify-security runs inside the hub cluster (a Job) behind a Service; that Service's URL
 *   is `receiver.publicBaseUrl` and the base the probe DFSPs' endpoints are registered with.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DfspOnboardingSpec } from '../onboarding/onboard.js';
import type { SecurityTarget } from './verify.js';

export const PROBE_PAYER_FSP_ID = 'perfprobe1';
export const PROBE_PAYEE_FSP_ID = 'perfprobe2';
export const PROBE_FSP_IDS = [PROBE_PAYER_FSP_ID, PROBE_PAYEE_FSP_ID] as const;

/** The callback base of a probe DFSP on a receiver reachable at `receiverBaseUrl`. */
export function probeCallbackBaseUrl(receiverBaseUrl: string, fspId: string): string {
  return `${receiverBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(fspId)}`;
}

/** Onboarding specs for the two probe DFSPs (pass as `extraDfsps` to onboardFleet). */
export function probeDfspSpecs(input: {
  currency: string;
  receiverBaseUrl: string;
  netDebitCap: number;
  fundsIn: number;
}): DfspOnboardingSpec[] {
  return PROBE_FSP_IDS.map((name) => ({
    name,
    currency: input.currency,
    netDebitCap: input.netDebitCap,
    fundsIn: input.fundsIn,
    callbackBaseUrl: probeCallbackBaseUrl(input.receiverBaseUrl, name),
    parties: [],
  }));
}

export interface LocalTargetInput {
  /** The stack's run directory (`.run/stack/<stack-id>/`). */
  runDir: string;
  /** The hub FSPIOP API, e.g. https://127.0.0.1:47010. */
  hubUrl: string;
  currency: string;
  /** Fixed port of the probe receiver (registered at onboarding). */
  receiverPort: number;
  /** The fleet DFSP whose JWS key plays "another DFSP's key". Default perffsp1. */
  foreignFspId?: string;
}

/** The receiver URL a local stack registers for the probe DFSPs (HTTPS, like a DFSP inbound API). */
export function localReceiverBaseUrl(receiverPort: number): string {
  return `https://127.0.0.1:${receiverPort}`;
}

/**
 * Reads a local stack's probe credentials from its run directory, laid out as local/README.md
 * documents (`pki/ca.pem`, `pki/<fspId>/client.pem|client-key.pem|server.pem|server-key.pem`,
 * `jws-private/<fspId>-key.pem`).
 */
export async function localSecurityTarget(input: LocalTargetInput): Promise<SecurityTarget> {
  const read = (...parts: string[]) => readFile(join(input.runDir, ...parts), 'utf8');
  const credentials = async (fspId: string) => ({
    fspId,
    clientCertPem: await read('pki', fspId, 'client.pem'),
    clientKeyPem: await read('pki', fspId, 'client-key.pem'),
    jwsPrivateKeyPem: await read('jws-private', `${fspId}-key.pem`),
  });
  const foreign = input.foreignFspId ?? 'perffsp1';
  return {
    hubUrl: input.hubUrl,
    caPem: await read('pki', 'ca.pem'),
    currency: input.currency,
    payer: await credentials(PROBE_PAYER_FSP_ID),
    payee: await credentials(PROBE_PAYEE_FSP_ID),
    foreignSigner: { fspId: foreign, jwsPrivateKeyPem: await read('jws-private', `${foreign}-key.pem`) },
    receiver: {
      host: '127.0.0.1',
      port: input.receiverPort,
      tls: {
        certPem: await read('pki', PROBE_PAYER_FSP_ID, 'server.pem'),
        keyPem: await read('pki', PROBE_PAYER_FSP_ID, 'server-key.pem'),
      },
    },
  };
}
