/**
 * The verify-security Job's side of cluster-job-contract.ts: the SecurityTarget built from the Job's
 * env and credential mounts, and the one line it prints. Everything is checked before anything runs,
 * and every problem is named (env var or file, the value unless it is key material, and what is
 * allowed) in a single Error.
 *
 * The Job's bundle (actions/deploy-mojaloop/dist/jobs/verify-security.mjs, delivered in a ConfigMap
 * of at most 1 MiB) imports this module through security/index.ts, so it must not import the results
 * schema: the log parser that validates with it, parseSecurityJobLog, lives in cluster-target.ts.
 */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { posix } from 'node:path';
import {
  SECURITY_ERROR_LINE,
  SECURITY_JOB_CREDENTIALS_DIR,
  SECURITY_JOB_ENV,
  SECURITY_JOB_FILES,
  SECURITY_POSTURE_LINE,
} from './cluster-job-contract.js';
import type { SecurityPosture } from './posture.js';
import { PROBE_PAYEE_FSP_ID, PROBE_PAYER_FSP_ID } from './probe-dfsps.js';
import type { ProbeDfspCredentials, SecurityTarget } from './verify.js';

/** Reads a mounted file as UTF-8; null when it does not exist. */
export type ReadMountedText = (file: string) => Promise<string | null>;

/** Where the receiver listens inside the pod: every interface, so the Job's Service reaches it. */
export const SECURITY_JOB_RECEIVER_HOST = '0.0.0.0';

const FSP_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const FSP_ID_ALLOWED = `a DFSP id (letters, digits, "-" or "_", at most 32), other than ${PROBE_PAYER_FSP_ID} and ${PROBE_PAYEE_FSP_ID}`;
const CURRENCY = /^[A-Z]{3}$/;

class Problems {
  readonly list: string[] = [];
  add(problem: string): undefined {
    this.list.push(problem);
    return undefined;
  }
  env(name: string, value: string | undefined, allowed: string): undefined {
    const shown = value === undefined ? 'is not set' : `is ${JSON.stringify(value)}`;
    return this.add(`${name} ${shown}; allowed: ${allowed}`);
  }
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function requiredEnv(
  env: Record<string, string | undefined>,
  name: string,
  allowed: string,
  problems: Problems,
): string | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return problems.env(name, value, allowed);
  return value;
}

function httpUrl(name: string, value: string | undefined, problems: Problems): string | undefined {
  const allowed = 'an http:// or https:// URL without credentials, query or fragment';
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return problems.env(name, value, allowed);
  }
  // User info may be a secret: name the problem without echoing the value.
  if (url.username !== '' || url.password !== '') {
    return problems.add(`${name} carries user credentials; allowed: ${allowed}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') {
    return problems.env(name, value, allowed);
  }
  return value;
}

function port(name: string, value: string | undefined, problems: Problems): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    return problems.env(name, value, 'an integer 1–65535');
  }
  return number;
}

/** A mounted file's text, or null when absent; a read error other than "absent" is a problem. */
async function readMounted(
  readText: ReadMountedText,
  file: string,
  problems: Problems,
): Promise<string | null | undefined> {
  try {
    return await readText(file);
  } catch (error) {
    return problems.add(`${file} could not be read (${reasonOf(error)})`);
  }
}

function certificate(file: string, pem: string, problems: Problems): X509Certificate | undefined {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (error) {
    return problems.add(`${file} is not a PEM X.509 certificate (${reasonOf(error)})`);
  }
  const validTo = new Date(cert.validTo);
  if (validTo.getTime() < Date.now()) {
    return problems.add(`${file} expired on ${validTo.toISOString()}; allowed: a certificate valid now`);
  }
  return cert;
}

function privateKey(file: string, pem: string, problems: Problems): KeyObject | undefined {
  try {
    return createPrivateKey(pem);
  } catch (error) {
    // Never the content: only that it is not a usable key, and why OpenSSL says so.
    return problems.add(`${file} is not an unencrypted PEM private key (${reasonOf(error)})`);
  }
}

interface MountedPair {
  /** Whether either file is there (a half-mounted pair is a problem, but is "mounted"). */
  mounted: boolean;
  /** Both files, valid and matching. */
  pair?: { certPem: string; keyPem: string };
}

/** A certificate and its key in `dir`: both or neither. */
async function certAndKey(readText: ReadMountedText, dir: string, problems: Problems): Promise<MountedPair> {
  const certFile = posix.join(dir, SECURITY_JOB_FILES.cert);
  const keyFile = posix.join(dir, SECURITY_JOB_FILES.key);
  const certPem = await readMounted(readText, certFile, problems);
  const keyPem = await readMounted(readText, keyFile, problems);
  const mounted = certPem !== null || keyPem !== null;
  if (certPem === undefined || keyPem === undefined || !mounted) return { mounted };
  if (certPem === null || keyPem === null) {
    const [missing, present] = certPem === null ? [certFile, keyFile] : [keyFile, certFile];
    problems.add(`${missing} is missing but ${present} is present; allowed: both files or neither`);
    return { mounted };
  }
  const cert = certificate(certFile, certPem, problems);
  const key = privateKey(keyFile, keyPem, problems);
  if (!cert || !key) return { mounted };
  if (!cert.checkPrivateKey(key)) {
    problems.add(`${keyFile} is not the key of the certificate ${certFile}; allowed: its matching key`);
    return { mounted };
  }
  return { mounted, pair: { certPem, keyPem } };
}

/** The JWS signing key of a DFSP: required, RSA (the FSPIOP signature is RS256). */
async function jwsKey(
  readText: ReadMountedText,
  credentialsDir: string,
  fspId: string,
  problems: Problems,
): Promise<string | undefined> {
  const file = posix.join(credentialsDir, SECURITY_JOB_FILES.jwsDir, fspId, SECURITY_JOB_FILES.jwsKey);
  const pem = await readMounted(readText, file, problems);
  if (pem === undefined) return undefined;
  if (pem === null) return problems.add(`${file} is missing; allowed: ${fspId}'s JWS private key (PEM)`);
  const key = privateKey(file, pem, problems);
  if (!key) return undefined;
  if (key.asymmetricKeyType !== 'rsa') {
    return problems.add(
      `${file} holds a ${key.asymmetricKeyType ?? 'non-asymmetric'} key; allowed: an RSA private key (FSPIOP signatures are RS256)`,
    );
  }
  return pem;
}

/**
 * Builds the SecurityTarget of the verify-security Job from its env and mounts (see
 * cluster-job-contract.ts): payer perfprobe1, payee perfprobe2, foreign signer from the env; the CA
 * the hub is checked against is the payer's `mtls/…/ca.crt`; client certificates only when their
 * mtls/ files exist (required for an https hub); the receiver on 0.0.0.0 at the env's port, serving
 * HTTPS only when `receiver/tls.crt` and `tls.key` are mounted. Throws one Error naming every problem.
 */
export async function securityTargetFromMounts(
  env: Record<string, string | undefined>,
  readText: ReadMountedText,
): Promise<SecurityTarget> {
  const problems = new Problems();
  const E = SECURITY_JOB_ENV;

  const hubUrl = httpUrl(
    E.hubUrl,
    requiredEnv(env, E.hubUrl, 'an http:// or https:// URL', problems),
    problems,
  );
  const currencyValue = requiredEnv(
    env,
    E.currency,
    'an ISO 4217 code of three upper-case letters',
    problems,
  );
  const currency =
    currencyValue !== undefined && !CURRENCY.test(currencyValue)
      ? problems.env(E.currency, currencyValue, 'an ISO 4217 code of three upper-case letters, e.g. XXX')
      : currencyValue;
  const receiverPort = port(
    E.receiverPort,
    requiredEnv(env, E.receiverPort, 'an integer 1–65535', problems),
    problems,
  );
  const publicBaseUrl = httpUrl(
    E.receiverBaseUrl,
    requiredEnv(env, E.receiverBaseUrl, 'the http(s) URL of the Job Service', problems),
    problems,
  );
  const foreignValue = requiredEnv(env, E.foreignFspId, FSP_ID_ALLOWED, problems);
  const foreignFspId =
    foreignValue !== undefined &&
    (!FSP_ID.test(foreignValue) || foreignValue === PROBE_PAYER_FSP_ID || foreignValue === PROBE_PAYEE_FSP_ID)
      ? problems.env(E.foreignFspId, foreignValue, FSP_ID_ALLOWED)
      : foreignValue;
  const dirValue = env[E.credentialsDir];
  const credentialsDir =
    dirValue === undefined || dirValue === ''
      ? SECURITY_JOB_CREDENTIALS_DIR
      : posix.isAbsolute(dirValue)
        ? posix.normalize(dirValue)
        : problems.env(E.credentialsDir, dirValue, 'an absolute path (unset: the default mount path)');

  let target: SecurityTarget | undefined;
  if (credentialsDir !== undefined) {
    const party = async (fspId: string) => {
      const mtlsDir = posix.join(credentialsDir, SECURITY_JOB_FILES.mtlsDir, fspId);
      const mtls = await certAndKey(readText, mtlsDir, problems);
      const jws = await jwsKey(readText, credentialsDir, fspId, problems);
      return { fspId, mtlsDir, mtls, jws };
    };
    const payer = await party(PROBE_PAYER_FSP_ID);
    const payee = await party(PROBE_PAYEE_FSP_ID);
    const foreignJws =
      foreignFspId === undefined ? undefined : await jwsKey(readText, credentialsDir, foreignFspId, problems);

    if (hubUrl?.startsWith('https:')) {
      for (const p of [payer, payee]) {
        if (!p.mtls.mounted) {
          const files = [SECURITY_JOB_FILES.cert, SECURITY_JOB_FILES.key].map((f) =>
            posix.join(p.mtlsDir, f),
          );
          problems.add(
            `${files.join(' and ')} are missing, but ${E.hubUrl} is https; allowed: the client certificate and key of ${p.fspId} (or an http:// hub URL)`,
          );
        }
      }
    }

    // cert-manager writes an empty ca.crt for issuers that do not know their CA: no CA then.
    const caFile = posix.join(payer.mtlsDir, SECURITY_JOB_FILES.ca);
    const caText = await readMounted(readText, caFile, problems);
    const caPem =
      caText && caText.trim() !== '' && certificate(caFile, caText, problems) ? caText : undefined;

    const receiverDir = posix.join(credentialsDir, SECURITY_JOB_FILES.receiverTlsDir);
    const receiverTls = await certAndKey(readText, receiverDir, problems);
    const tlsMounted = receiverTls.mounted;
    if (publicBaseUrl !== undefined) {
      const https = publicBaseUrl.startsWith('https:');
      if (https && !tlsMounted) {
        problems.env(
          E.receiverBaseUrl,
          publicBaseUrl,
          `an http:// URL, since no receiver certificate (${posix.join(receiverDir, SECURITY_JOB_FILES.cert)}) is mounted and the receiver serves plain HTTP`,
        );
      } else if (!https && tlsMounted) {
        problems.env(
          E.receiverBaseUrl,
          publicBaseUrl,
          `an https:// URL, since the receiver certificate in ${receiverDir} is mounted and the receiver serves HTTPS`,
        );
      }
    }

    const credentials = (p: typeof payer): ProbeDfspCredentials | undefined =>
      p.jws === undefined
        ? undefined
        : {
            fspId: p.fspId,
            ...(p.mtls.pair ? { clientCertPem: p.mtls.pair.certPem, clientKeyPem: p.mtls.pair.keyPem } : {}),
            jwsPrivateKeyPem: p.jws,
          };
    const payerCredentials = credentials(payer);
    const payeeCredentials = credentials(payee);
    if (
      problems.list.length === 0 &&
      hubUrl !== undefined &&
      currency !== undefined &&
      receiverPort !== undefined &&
      publicBaseUrl !== undefined &&
      foreignFspId !== undefined &&
      foreignJws !== undefined &&
      payerCredentials !== undefined &&
      payeeCredentials !== undefined
    ) {
      target = {
        hubUrl,
        ...(caPem ? { caPem } : {}),
        currency,
        payer: payerCredentials,
        payee: payeeCredentials,
        foreignSigner: { fspId: foreignFspId, jwsPrivateKeyPem: foreignJws },
        receiver: {
          host: SECURITY_JOB_RECEIVER_HOST,
          port: receiverPort,
          publicBaseUrl,
          tls: receiverTls.pair ?? null,
        },
      };
    }
  }
  if (!target || problems.list.length > 0) {
    const list = problems.list.length > 0 ? problems.list : ['an input is invalid'];
    throw new Error(`verify-security cannot run: ${list.join('; ')}`);
  }
  return target;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The Job's result line: `MLPERF_SECURITY_POSTURE <json>` (JSON never spans lines). */
export function formatSecurityJobLine(posture: SecurityPosture): string {
  return `${SECURITY_POSTURE_LINE} ${JSON.stringify(posture)}`;
}

/** The Job's failure line: `MLPERF_SECURITY_ERROR <message on one line>`. */
export function formatSecurityJobError(message: string): string {
  return `${SECURITY_ERROR_LINE} ${oneLine(message) || 'verify-security failed without a message'}`;
}
