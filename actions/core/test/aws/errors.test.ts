import { describe, expect, it } from 'vitest';
import {
  AwsAccessDeniedError,
  AwsCallError,
  awsErrorCode,
  callAws,
  callAwsOr,
  describeAwsFailure,
  isNotFound,
} from '../../src/index.js';

const sdkError = (name: string, message: string, attempts?: number) =>
  Object.assign(new Error(message), { name, $metadata: attempts === undefined ? {} : { attempts } });

describe('AWS errors', () => {
  it('names the API action and the permission to grant when access is denied', () => {
    const error = describeAwsFailure(
      'ec2:DescribeInstances',
      sdkError(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation.\nEncoded authorization failure message: abc',
      ),
    );
    expect(error).toBeInstanceOf(AwsAccessDeniedError);
    expect(error.message).toBe(
      'AWS denied ec2:DescribeInstances (UnauthorizedOperation). Grant the pipeline role the IAM permission ' +
        '"ec2:DescribeInstances" and run again. AWS said: You are not authorized to perform this operation.',
    );
    expect(error.message).not.toMatch(/\n|at .*\.js/);
  });

  it('treats AccessDeniedException (JSON and query protocols) the same way', async () => {
    await expect(
      callAws('servicequotas:GetServiceQuota', async () => {
        throw sdkError('AccessDeniedException', 'User is not authorized');
      }),
    ).rejects.toThrow(/AWS denied servicequotas:GetServiceQuota \(AccessDeniedException\)/);
  });

  it('reports other failures with the code and the attempts the SDK made', () => {
    const error = describeAwsFailure('eks:ListClusters', sdkError('ThrottlingException', 'Rate exceeded', 6));
    expect(error).toBeInstanceOf(AwsCallError);
    expect(error.message).toBe(
      'eks:ListClusters failed with ThrottlingException after 6 attempts: Rate exceeded',
    );
  });

  it('points at the credentials when the token has expired', () => {
    expect(
      describeAwsFailure(
        'sts:GetCallerIdentity',
        sdkError('ExpiredToken', 'The security token included in the request is expired'),
      ).message,
    ).toMatch(/Check the AWS credentials of this job\.$/);
  });

  it('keeps the code of an error it already wrapped', () => {
    const wrapped = describeAwsFailure('ec2:DeleteVpc', sdkError('DependencyViolation', 'in use'));
    expect(awsErrorCode(wrapped)).toBe('DependencyViolation');
    expect(describeAwsFailure('other', wrapped)).toBe(wrapped);
  });

  it('recognises the not-found codes of EC2, EKS and both load balancer APIs', () => {
    for (const code of [
      'InvalidGroup.NotFound',
      'InvalidNetworkInterfaceID.NotFound',
      'ResourceNotFoundException',
      'LoadBalancerNotFoundException',
      'AccessPointNotFoundException',
    ]) {
      expect(isNotFound(sdkError(code, 'gone')), code).toBe(true);
    }
    expect(isNotFound(sdkError('DependencyViolation', 'in use'))).toBe(false);
  });

  it('resolves not-found to the fallback and rethrows the rest', async () => {
    await expect(
      callAwsOr('eks:DescribeCluster', 'none', async () =>
        Promise.reject(sdkError('ResourceNotFoundException', 'no')),
      ),
    ).resolves.toBe('none');
    await expect(
      callAwsOr('eks:DescribeCluster', 'none', async () =>
        Promise.reject(sdkError('AccessDeniedException', 'no')),
      ),
    ).rejects.toBeInstanceOf(AwsAccessDeniedError);
  });
});
