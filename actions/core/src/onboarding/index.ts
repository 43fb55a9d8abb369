// Onboarding: hub and DFSP registration through the central-ledger and ALS admin APIs.
export {
  type AdminCall,
  type AdminTransport,
  adminHeaders,
  createAdminTransport,
} from './admin-transport.js';
export { CALLBACK_ENDPOINT_TYPES, type CallbackEndpointType, callbackEndpoints } from './endpoints.js';
export {
  AdminApiError,
  FleetOnboardingError,
  type FspiopErrorInfo,
  OnboardingError,
  type OnboardingFailure,
  parseFspiopError,
} from './errors.js';
export { formatAmount, fundsInTransferId, LEDGER_TRANSFER_ID, uuidV5 } from './funds.js';
export {
  createFetchHttpClient,
  type FetchHttpClientOptions,
  type HttpClient,
  type HttpRequestInit,
  type HttpResponse,
  joinUrl,
} from './http.js';
export {
  type CallbackEndpoint,
  createLedgerAdmin,
  type FundsInRequest,
  HUB_PARTICIPANT,
  type HubAccountType,
  type LedgerAdmin,
  type ParticipantAccount,
  type SettlementModelInfo,
  type SettlementModelSpec,
} from './ledger-admin.js';
export {
  ALREADY_EXISTS,
  DFSP_STEP_LABELS,
  DFSP_STEPS,
  type DfspOnboardingResult,
  type DfspOnboardingSpec,
  type DfspStep,
  deferredNetSettlementModel,
  type FleetOnboardingOptions,
  type FleetOnboardingSummary,
  formatOnboardingEvent,
  HUB_ACCOUNT_TYPES,
  type HubOnboardingResult,
  type HubOnboardingSpec,
  type OnboardingEvent,
  type OnboardingLogger,
  type OnboardingOptions,
  type OnboardingStepOutcome,
  onboardDfsp,
  onboardFleet,
  onboardHub,
  type PartyList,
  partyRange,
} from './onboard.js';
export {
  createOracleAdmin,
  MAX_BULK_PARTIES,
  type OracleAdmin,
  type OracleAdminTransports,
  type OracleSpec,
  type PartyRegistration,
  type PartyResult,
} from './oracle-admin.js';
