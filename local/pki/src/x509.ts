/**
 * Loads `@peculiar/x509` with Node's WebCrypto as its provider. Loaded lazily, after the Reflect
 * metadata shim its dependency `tsyringe` requires (see reflect-metadata.ts).
 */
import { webcrypto } from 'node:crypto';
import type * as X509 from '@peculiar/x509';
import { installReflectMetadata } from './reflect-metadata.js';

export type X509Module = typeof X509;

let loading: Promise<X509Module> | undefined;

export function loadX509(): Promise<X509Module> {
  if (!loading) {
    loading = (async () => {
      installReflectMetadata();
      const x509 = await import('@peculiar/x509');
      x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
      return x509;
    })();
  }
  return loading;
}

/** The WebCrypto key types as `@peculiar/x509` declares them (its declarations use DOM globals). */
export type X509Key = X509.X509CertificateCreateWithKeyParams['signingKey'];
export type X509KeyPair = X509.X509CertificateCreateSelfSignedParams['keys'];
