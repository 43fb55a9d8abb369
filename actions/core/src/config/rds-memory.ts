/**
 * How many connections a MySQL server accepts, so the run configuration can prove before anything is
 * spent that the Mojaloop services' connection pools fit (ARCHITECTURE §3, REFERENCE §1 "DB pools
 * 10–30 per handler under MySQL max_connections").
 *
 * RDS for MySQL sets `max_connections` to `{DBInstanceClassMemory/12582880}` by default
 * (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html, "Maximum number of database
 * connections"). Memory per instance class is from "DB instance classes — hardware specifications"
 * (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Summary.html). RDS keeps
 * part of that memory for the operating system, so the real limit is a little lower than computed here;
 * {@link DB_CONNECTION_HEADROOM_PERCENT} covers it.
 */

/** The RDS MySQL default parameter group's divisor: `max_connections = DBInstanceClassMemory / 12582880`. */
export const RDS_MYSQL_BYTES_PER_CONNECTION = 12_582_880;

/** MySQL 8.0's compiled-in default `max_connections` (MySQL reference manual, server system variables). */
export const MYSQL_DEFAULT_MAX_CONNECTIONS = 151;

/**
 * Share of `max_connections` kept free of the services' pools: RDS reserves memory below the nominal
 * size, and admin sessions, schema migrations and pods started by a rolling update (old pools still
 * open) need connections too.
 */
export const DB_CONNECTION_HEADROOM_PERCENT = 25;

const GIB = 1024 ** 3;

/** Memory in GiB per size, by family; a family's sizes double as the size grows. */
const GENERAL_PURPOSE: Record<string, number> = {
  large: 8,
  xlarge: 16,
  '2xlarge': 32,
  '4xlarge': 64,
  '8xlarge': 128,
  '12xlarge': 192,
  '16xlarge': 256,
  '24xlarge': 384,
};
const MEMORY_OPTIMISED: Record<string, number> = Object.fromEntries(
  Object.entries(GENERAL_PURPOSE).map(([size, gib]) => [size, gib * 2]),
);
const BURSTABLE: Record<string, number> = {
  micro: 1,
  small: 2,
  medium: 4,
  large: 8,
  xlarge: 16,
  '2xlarge': 32,
};

/** Memory (GiB) of the RDS instance classes a profile may use, from the AWS page above. */
export const RDS_INSTANCE_MEMORY_GIB: Readonly<Record<string, number>> = Object.fromEntries([
  ...['m5', 'm6g', 'm6i', 'm7g', 'm7i'].flatMap((family) =>
    Object.entries(GENERAL_PURPOSE).map(([size, gib]) => [`db.${family}.${size}`, gib] as const),
  ),
  ...['r5', 'r6g', 'r6i', 'r7g', 'r7i'].flatMap((family) =>
    Object.entries(MEMORY_OPTIMISED).map(([size, gib]) => [`db.${family}.${size}`, gib] as const),
  ),
  ...['t3', 't4g'].flatMap((family) =>
    Object.entries(BURSTABLE).map(([size, gib]) => [`db.${family}.${size}`, gib] as const),
  ),
]);

/** The RDS MySQL default `max_connections` of an instance class, or null when the class is not in the table. */
export function rdsMaxConnections(instanceClass: string): number | null {
  const gib = RDS_INSTANCE_MEMORY_GIB[instanceClass];
  return gib === undefined ? null : Math.floor((gib * GIB) / RDS_MYSQL_BYTES_PER_CONNECTION);
}

/** Connections the services' pools may use in total: `max_connections` less the headroom. */
export function usableConnections(maxConnections: number): number {
  return Math.floor((maxConnections * (100 - DB_CONNECTION_HEADROOM_PERCENT)) / 100);
}
