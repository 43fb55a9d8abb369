/**
 * Where the PKI of a stack lives inside its run directory (local/README.md, "Run directory").
 * Pure path arithmetic; nothing here touches the disk.
 */
import { join } from 'node:path';
import { HUB_FSP_ID } from '@mlperf/core/fleet/names';

/** A certificate and its private key. */
export interface CertFiles {
  certPath: string;
  keyPath: string;
}

/** A party's two TLS identities: the server it runs and the client it calls others with. */
export interface TlsIdentity {
  server: CertFiles;
  client: CertFiles;
}

/** A JWS key pair: the public key others verify with and the private key its owner signs with. */
export interface JwsKeyFiles {
  publicKeyPath: string;
  privateKeyPath: string;
}

const SAFE_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function checkId(id: string): string {
  if (!SAFE_ID.test(id) || id === 'hub') {
    throw new RangeError(`not a usable participant id for a file name: ${JSON.stringify(id)}`);
  }
  return id;
}

export function pkiDir(runDir: string): string {
  return join(runDir, 'pki');
}

export function caFiles(runDir: string): CertFiles {
  return { certPath: join(runDir, 'pki', 'ca.pem'), keyPath: join(runDir, 'pki', 'ca-key.pem') };
}

/** The TLS identity directory of the hub (`'hub'`) or of a DFSP (its fspId). */
export function tlsDir(runDir: string, owner: 'hub' | string): string {
  return join(runDir, 'pki', owner === 'hub' ? 'hub' : checkId(owner));
}

export function tlsIdentity(runDir: string, owner: 'hub' | string): TlsIdentity {
  const dir = tlsDir(runDir, owner);
  return {
    server: { certPath: join(dir, 'server.pem'), keyPath: join(dir, 'server-key.pem') },
    client: { certPath: join(dir, 'client.pem'), keyPath: join(dir, 'client-key.pem') },
  };
}

/** The directory of JWS public keys, `<id>.pem` each: SDK 18's `JWS_VERIFICATION_KEYS_DIRECTORY`. */
export function jwsPublicDir(runDir: string): string {
  return join(runDir, 'jws');
}

export function jwsPrivateDir(runDir: string): string {
  return join(runDir, 'jws-private');
}

/** JWS key files of a DFSP or of the hub (`switch`). */
export function jwsKeyFiles(runDir: string, id: string): JwsKeyFiles {
  const safe = id === HUB_FSP_ID ? id : checkId(id);
  return {
    publicKeyPath: join(jwsPublicDir(runDir), `${safe}.pem`),
    privateKeyPath: join(jwsPrivateDir(runDir), `${safe}-key.pem`),
  };
}
