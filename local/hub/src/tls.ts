/**
 * Mutual TLS of the FSPIOP port and the identity a client certificate proves.
 *
 * The server asks every client for a certificate and refuses the handshake without one from the
 * environment CA (`requestCert`, `rejectUnauthorized`). Per request, the FSPIOP-Source header must be
 * one of the names the connection's certificate carries: its subject CN or a DNS SAN. The names are
 * read once per connection, not per request.
 */
import { readFileSync } from 'node:fs';
import type { ServerOptions } from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { TlsFiles } from './config.js';

export interface TlsMaterial {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

export function readTlsMaterial(files: TlsFiles): TlsMaterial {
  return {
    ca: readFileSync(files.caPath),
    cert: readFileSync(files.certPath),
    key: readFileSync(files.keyPath),
  };
}

export function mutualTlsServerOptions(material: TlsMaterial): ServerOptions {
  return {
    ca: material.ca,
    cert: material.cert,
    key: material.key,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
  };
}

const NO_IDENTITY: ReadonlySet<string> = new Set();
const identities = new WeakMap<Socket, ReadonlySet<string>>();

/** The DNS names of a SAN string (`DNS:perffsp1, IP Address:127.0.0.1`). */
export function dnsNamesOf(subjectAltName: string | undefined): string[] {
  const names: string[] = [];
  for (const part of (subjectAltName ?? '').split(',')) {
    const entry = part.trim();
    if (entry.startsWith('DNS:')) names.push(entry.slice(4));
  }
  return names;
}

/**
 * The names the peer certificate of a TLS connection proves (empty without TLS or certificate).
 * Uses the legacy `getPeerCertificate()` object: about a third of the cost of building an
 * `X509Certificate`; it runs once per connection.
 */
export function peerNames(socket: Socket): ReadonlySet<string> {
  const cached = identities.get(socket);
  if (cached) return cached;
  const tlsSocket = socket as TLSSocket;
  if (typeof tlsSocket.getPeerCertificate !== 'function' || !tlsSocket.authorized) return NO_IDENTITY;
  const certificate = tlsSocket.getPeerCertificate();
  const names = new Set<string>();
  const cn = certificate?.subject?.CN as string | string[] | undefined;
  for (const name of Array.isArray(cn) ? cn : cn ? [cn] : []) names.add(name);
  for (const name of dnsNamesOf(certificate?.subjectaltname)) names.add(name);
  identities.set(socket, names);
  return names;
}
