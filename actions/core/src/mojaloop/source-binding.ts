/**
 * The gateway ties a DFSP's client certificate to the FSPIOP-Source it claims. Mutual TLS alone only
 * says "some DFSP of this scheme"; without this, perffsp1's certificate could send messages as
 * perffsp2 (verify-security's certificate-source-mismatch probe). Istio has no rule that compares a
 * header with the peer certificate, so an Envoy Lua filter on the ingress gateway does it: on a TLS
 * connection that presented a certificate, a request whose FSPIOP-Source differs from the
 * certificate's common name is answered 403 with an FSPIOP error and never reaches the switch.
 * Plain-HTTP traffic (port 80: the switch's callbacks, the load runners' SDK calls) has no peer
 * certificate and passes untouched.
 *
 * The script runs in Envoy's LuaJIT; its logic is tested under a real LuaJIT against the handle API it
 * uses (`connection():ssl()`, `peerCertificatePresented()`, `subjectPeerCertificate()`, `headers()`,
 * `respond()`).
 */
import { GATEWAY_SERVICE } from './names.js';
import type { KubeManifest } from './objects.js';

export const SOURCE_BINDING_FILTER = 'mlperf-fspiop-source-binding';

/** The FSPIOP error the gateway answers with (3000: generic client error; the API has no authz code). */
export const SOURCE_BINDING_ERROR = {
  errorInformation: {
    errorCode: '3000',
    errorDescription: 'Generic client error - the client certificate does not belong to FSPIOP-Source',
  },
} as const;

/**
 * The filter's Lua. The subject comes as RFC 2253 (`CN=perffsp1,O=…`); the common name must equal the
 * header exactly. Requests without the header pass: the switch itself refuses them.
 */
export const SOURCE_BINDING_LUA = `-- ${SOURCE_BINDING_FILTER}: the client certificate's CN must equal FSPIOP-Source.
local function common_name(subject)
  if subject == nil then return nil end
  for rdn in string.gmatch(subject, "[^,]+") do
    local cn = string.match(rdn, "^%s*CN=(.+)$")
    if cn ~= nil then return cn end
  end
  return nil
end

function envoy_on_request(request_handle)
  local ssl = request_handle:connection():ssl()
  if ssl == nil or not ssl:peerCertificatePresented() then return end
  local source = request_handle:headers():get("fspiop-source")
  if source == nil then return end
  if common_name(ssl:subjectPeerCertificate()) == source then return end
  request_handle:respond(
    { [":status"] = "403", ["content-type"] = "application/json" },
    '${JSON.stringify(SOURCE_BINDING_ERROR)}'
  )
end
`;

/** The EnvoyFilter that puts the Lua filter before the router of the ingress gateway's listeners. */
export function sourceBindingEnvoyFilter(
  gatewaySelector: Record<string, string>,
  labels: Record<string, string>,
): KubeManifest {
  return {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'EnvoyFilter',
    metadata: { name: SOURCE_BINDING_FILTER, namespace: GATEWAY_SERVICE.namespace, labels: { ...labels } },
    spec: {
      workloadSelector: { labels: { ...gatewaySelector } },
      configPatches: [
        {
          applyTo: 'HTTP_FILTER',
          match: {
            context: 'GATEWAY',
            listener: {
              filterChain: {
                filter: {
                  name: 'envoy.filters.network.http_connection_manager',
                  subFilter: { name: 'envoy.filters.http.router' },
                },
              },
            },
          },
          patch: {
            operation: 'INSERT_BEFORE',
            value: {
              name: 'envoy.filters.http.lua',
              typed_config: {
                '@type': 'type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua',
                default_source_code: { inline_string: SOURCE_BINDING_LUA },
              },
            },
          },
        },
      ],
    },
  };
}
