/**
 * Onboarding of the hub on the cluster: the core onboarding client (hub accounts, settlement model,
 * oracle, then each DFSP's participant, limits, funds, callback endpoints and party identifiers in
 * bulk) against central-ledger's admin API, the ALS admin API and the MSISDN oracle, reached through
 * the API server's service proxy. Callback endpoints reach each DFSP's SDK inbound API inside the
 * cluster; with mTLS through the gateway, which adds the hub's client certificate (`sdkCallbackBase`).
 * verify-security's probe DFSPs are onboarded too, with no party identifiers.
 */
import type { RunConfig } from '../config/index.js';
import {
  createAdminTransport,
  createLedgerAdmin,
  createOracleAdmin,
  type FleetOnboardingSummary,
  type HttpClient,
  type OnboardingLogger,
  onboardFleet,
} from '../onboarding/index.js';
import { probeDfspSpecs } from '../security/probe-dfsps.js';
import { DFSP_NAMESPACE, MOJALOOP_NAMESPACE, SDK_INBOUND_PORT } from './names.js';
import { callbackPath, GATEWAY_INTERNAL_HOST } from './objects.js';
import { serviceProxyUrl } from './proxy-http.js';
import { VERIFY_SECURITY_RECEIVER_URL } from './security-job.js';

/**
 * The umbrella's Services onboarding talks to, recognised by the end of their names (the charts prefix
 * them with the release, `moja-…`): central-ledger's admin API, the ALS admin API, the MSISDN oracle.
 */
export const HUB_ADMIN_SERVICE_SUFFIXES = {
  ledger: 'centralledger-service',
  alsAdmin: 'account-lookup-service-admin',
  oracle: 'als-msisdn-oracle',
} as const;

export type HubAdminServices = Record<keyof typeof HUB_ADMIN_SERVICE_SUFFIXES, string>;

/** Finds the admin Services among those listed; throws naming what is missing and what exists. */
export function resolveHubAdminServices(services: readonly { name: string }[]): HubAdminServices {
  const names = services.map((s) => s.name);
  const found: Partial<HubAdminServices> = {};
  const missing: string[] = [];
  for (const [role, suffix] of Object.entries(HUB_ADMIN_SERVICE_SUFFIXES) as Array<
    [keyof HubAdminServices, string]
  >) {
    const name = names
      .filter((n) => n === suffix || n.endsWith(`-${suffix}`))
      .sort((a, b) => a.length - b.length)[0];
    if (name === undefined) missing.push(`*${suffix}`);
    else found[role] = name;
  }
  if (missing.length > 0) {
    throw new Error(
      `namespace ${MOJALOOP_NAMESPACE}: no Service ${missing.join(', ')}; found: ${names.sort().join(', ') || 'none'}`,
    );
  }
  return found as HubAdminServices;
}

export const HUB_SERVICE_PORT = 80;
export { SDK_INBOUND_PORT };

/**
 * Settlement limits of every DFSP: a net debit cap no rung can reach (1000/s for an hour of 100-unit
 * transfers spread over 8 payers is 45 M per payer), and funds to match it.
 */
export const DFSP_NET_DEBIT_CAP = 100_000_000;

/**
 * Where the switch services send a DFSP's callbacks. With mTLS: the gateway's in-cluster address under
 * `/callbacks/<fspId>`; the gateway forwards them to the SDK's inbound API over mutual TLS with the
 * hub's client certificate (objects.ts `gatewayManifests`), since the Mojaloop services hold none.
 * Without: the SDK's inbound API directly.
 */
export function sdkCallbackBase(fspId: string, mtls: boolean): string {
  if (mtls) return `http://${GATEWAY_INTERNAL_HOST}${callbackPath(fspId)}`;
  return `http://${fspId}-sdk.${DFSP_NAMESPACE}.svc.cluster.local:${SDK_INBOUND_PORT}`;
}

export interface ClusterOnboardingOptions {
  /** The API server endpoint the proxy URLs start with. */
  endpoint: string;
  services: HubAdminServices;
  runId: string;
  logger?: OnboardingLogger;
}

export async function onboardOnCluster(
  config: Pick<RunConfig, 'dfsps' | 'security'>,
  http: HttpClient,
  options: ClusterOnboardingOptions,
): Promise<FleetOnboardingSummary> {
  const url = (service: string) =>
    serviceProxyUrl(options.endpoint, MOJALOOP_NAMESPACE, service, HUB_SERVICE_PORT);
  const ledger = createLedgerAdmin(createAdminTransport(http, url(options.services.ledger)));
  const oracle = createOracleAdmin({
    alsAdmin: createAdminTransport(http, url(options.services.alsAdmin)),
    oracle: createAdminTransport(http, url(options.services.oracle)),
  });
  return onboardFleet(config, (fspId) => sdkCallbackBase(fspId, config.security.mtls), {
    ledger,
    oracle,
    runId: options.runId,
    netDebitCap: DFSP_NET_DEBIT_CAP,
    fundsIn: DFSP_NET_DEBIT_CAP,
    // The ALS calls the oracle inside the cluster, not through the proxy.
    oracleEndpoint: `http://${options.services.oracle}.${MOJALOOP_NAMESPACE}.svc.cluster.local:${HUB_SERVICE_PORT}`,
    ...(options.logger ? { logger: options.logger } : {}),
    // verify-security's two DFSPs, their callbacks at the receiver Service of its Job (security-job.ts).
    extraDfsps: probeDfspSpecs({
      currency: config.dfsps.currency,
      receiverBaseUrl: VERIFY_SECURITY_RECEIVER_URL,
      netDebitCap: DFSP_NET_DEBIT_CAP,
      fundsIn: DFSP_NET_DEBIT_CAP,
    }),
  });
}
