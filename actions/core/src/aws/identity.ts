/** Who the pipeline is, as AWS sees it (STS GetCallerIdentity). */
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { callAws } from './errors.js';

export interface CallerIdentity {
  /** 12-digit account id. */
  account: string;
  /** ARN of the calling principal, e.g. `arn:aws:sts::123456789012:assumed-role/mlperf-pipeline/gh-123`. */
  arn: string;
  userId: string;
}

/** The slice of STS the pipeline uses. */
export interface AwsIdentity {
  getCallerIdentity(): Promise<CallerIdentity>;
}

export function createAwsIdentity(sts: STSClient): AwsIdentity {
  return {
    async getCallerIdentity() {
      const out = await callAws('sts:GetCallerIdentity', () => sts.send(new GetCallerIdentityCommand({})));
      if (out.Account === undefined || out.Arn === undefined) {
        throw new Error('sts:GetCallerIdentity returned no account or ARN');
      }
      return { account: out.Account, arn: out.Arn, userId: out.UserId ?? '' };
    },
  };
}

/**
 * The IAM role behind a caller ARN: `arn:aws:sts::1:assumed-role/Name/session` →
 * `arn:aws:iam::1:role/Name`. An assumed-role ARN does not carry the role's path, so a role
 * created under a path (`/ci/`) must be passed explicitly. IAM user and role ARNs pass through.
 */
export function roleArnFromCallerArn(callerArn: string): string {
  const match = /^arn:([a-z-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  if (match === null) return callerArn;
  const [, partition, account, role] = match;
  return `arn:${partition}:iam::${account}:role/${role}`;
}
