/**
 * EC2 instance types: how many vCPUs each has and which On-Demand vCPU quota it counts against.
 * The table covers the families our profiles use and their close relatives; anything else is an
 * error naming what the table knows, so a new type is added here deliberately, not guessed.
 *
 * vCPU counts are the published EC2 specifications (the instance-type pages on aws.amazon.com):
 * for these Intel and AMD families `large` = 2, `xlarge` = 4 and `<n>xlarge` = 4·n vCPUs.
 */

const SIZES: ReadonlyArray<readonly [size: string, vcpus: number]> = [
  ['large', 2],
  ['xlarge', 4],
  ['2xlarge', 8],
  ['4xlarge', 16],
  ['8xlarge', 32],
  ['12xlarge', 48],
  ['16xlarge', 64],
  ['24xlarge', 96],
  ['48xlarge', 192],
];

/** Families whose sizes follow the table above exactly (m7i/c7i/r7i have no 32xlarge). */
const FAMILIES = ['m7i', 'c7i', 'r7i', 'm6i', 'c6i', 'r6i', 'm7a', 'c7a', 'r7a', 'm6a', 'c6a', 'r6a'];

function buildTable(): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  for (const family of FAMILIES) {
    for (const [size, vcpus] of SIZES) table.set(`${family}.${size}`, vcpus);
  }
  // Sixth generation also has 32xlarge; seventh-generation AMD has medium (1 vCPU, no SMT).
  for (const family of ['m6i', 'c6i', 'r6i', 'm6a', 'c6a', 'r6a', 'm7a', 'c7a', 'r7a']) {
    table.set(`${family}.32xlarge`, 128);
  }
  for (const family of ['m7a', 'c7a', 'r7a']) table.set(`${family}.medium`, 1);
  return table;
}

const VCPUS = buildTable();

/**
 * On-Demand vCPU quota classes by the letters before the generation digit. The standard class
 * (A, C, D, H, I, M, R, T, Z) is Service Quotas `ec2/L-1216C47A`; it is the only class our
 * profiles use, so it is the only one the preflight checks.
 */
const STANDARD_PREFIXES = new Set(['a', 'c', 'd', 'h', 'i', 'im', 'is', 'm', 'r', 't', 'z']);

export class UnknownInstanceTypeError extends Error {
  override readonly name = 'UnknownInstanceTypeError';
  constructor(
    readonly instanceType: string,
    where: string,
  ) {
    super(
      `instance type ${instanceType} (${where}) is not in the vCPU table (actions/core/src/aws/instance-types.ts); ` +
        `known families: ${FAMILIES.join(', ')}. Add it there with its published vCPU count.`,
    );
  }
}

/** vCPUs of one instance, or undefined when the table does not know the type. */
export function lookupVcpus(instanceType: string): number | undefined {
  return VCPUS.get(instanceType);
}

/** vCPUs of one instance; throws naming the type and where it came from when unknown. */
export function vcpusOf(instanceType: string, where: string): number {
  const vcpus = VCPUS.get(instanceType);
  if (vcpus === undefined) throw new UnknownInstanceTypeError(instanceType, where);
  return vcpus;
}

/** `m7i.2xlarge` → `m`; `im4gn.large` → `im`; `u-6tb1.metal` → `u`. */
export function familyPrefix(instanceType: string): string {
  return /^[a-z]+/.exec(instanceType)?.[0] ?? '';
}

/** Whether the type counts against the standard On-Demand vCPU quota (L-1216C47A). */
export function isStandardFamily(instanceType: string): boolean {
  return STANDARD_PREFIXES.has(familyPrefix(instanceType));
}
