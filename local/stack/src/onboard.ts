/**
 * Onboarding a running local stack with the core's onboarding client: the hub (accounts, settlement
 * model, the MSISDN oracle = the hub's own ALS), every DFSP of the stack (callbacks at its SDK inbound
 * API, its party range registered in bulk) and verify-security's two probe DFSPs, whose callbacks
 * point at the probe receiver's fixed port and whose certificates and JWS keys the supervisor issued.
 */
import {
  createAdminTransport,
  createFetchHttpClient,
  createLedgerAdmin,
  createOracleAdmin,
  type FleetOnboardingSummary,
  localReceiverBaseUrl,
  type OnboardingLogger,
  onboardFleet,
  probeDfspSpecs,
  type RunConfig,
} from '@mlperf/core';
import type { StackPorts } from './ports.js';

/** Where verify-security's receiver listens on a local stack: base + 20 (free in the port plan). */
export function probeReceiverPort(ports: StackPorts): number {
  return ports.base + 20;
}

export interface LocalOnboardingOptions {
  /** NET_DEBIT_CAP of every DFSP. Default 10 000 000 (a rehearsal never runs into it by accident). */
  netDebitCap?: number;
  /** Settlement balance of every DFSP. Default the cap. */
  fundsIn?: number;
  /** Funds-in transfer ids derive from it, so onboarding the same stack twice changes nothing. */
  runId?: string;
  /** Also onboard perfprobe1/perfprobe2 (default true). */
  probes?: boolean;
  logger?: OnboardingLogger;
  /** Whether the SDK inbound APIs serve HTTPS (security.mtls); default true. */
  inboundTls?: boolean;
  /** Per admin request. Default 10 s. */
  requestTimeoutMs?: number;
}

export interface LocalOnboardingResult {
  summary: FleetOnboardingSummary;
  /** The port the probe DFSPs' callbacks were registered at (see probeReceiverPort). */
  probeReceiverPort: number;
  ms: number;
}

/** The callback base of a stack DFSP: its SDK's inbound API. */
export function sdkCallbackBase(ports: StackPorts, fspId: string, tls = true): string {
  const dfsp = ports.dfsps.find((d) => d.fspId === fspId);
  if (!dfsp) throw new RangeError(`${fspId} is not a DFSP of this stack`);
  return `${tls ? 'https' : 'http'}://127.0.0.1:${dfsp.inbound}`;
}

export async function onboardLocalStack(
  stack: { ports: StackPorts },
  config: Pick<RunConfig, 'dfsps'>,
  options: LocalOnboardingOptions = {},
): Promise<LocalOnboardingResult> {
  const started = Date.now();
  const { ports } = stack;
  if (config.dfsps.count !== ports.dfsps.length) {
    throw new RangeError(
      `the configuration has ${config.dfsps.count} DFSPs but the stack runs ${ports.dfsps.length}`,
    );
  }
  const netDebitCap = options.netDebitCap ?? 10_000_000;
  const fundsIn = options.fundsIn ?? netDebitCap;
  const http = createFetchHttpClient({ timeoutMs: options.requestTimeoutMs ?? 10_000 });
  const ledger = createLedgerAdmin(createAdminTransport(http, `http://127.0.0.1:${ports.hub.admin}`));
  const als = createAdminTransport(http, `http://127.0.0.1:${ports.hub.als}`);
  const receiverPort = probeReceiverPort(ports);
  const summary = await onboardFleet(
    config,
    (fspId) => sdkCallbackBase(ports, fspId, options.inboundTls ?? true),
    {
      ledger,
      oracle: createOracleAdmin({ alsAdmin: als, oracle: als }),
      runId: options.runId ?? `local-stack-${ports.base}`,
      netDebitCap,
      fundsIn,
      oracleEndpoint: `http://127.0.0.1:${ports.hub.als}`,
      ...(options.logger ? { logger: options.logger } : {}),
      extraDfsps:
        options.probes === false
          ? []
          : probeDfspSpecs({
              currency: config.dfsps.currency,
              receiverBaseUrl: localReceiverBaseUrl(receiverPort),
              netDebitCap,
              fundsIn,
            }),
    },
  );
  return { summary, probeReceiverPort: receiverPort, ms: Date.now() - started };
}
