/**
 * The official SDK clients against a local fake AWS endpoint (loopback only) that speaks the real
 * wire protocols: STS (awsQuery XML), Service Quotas (awsJson1_1), EC2 (ec2Query XML) and EKS
 * (restJson1). This exercises what the SDK mock cannot: the SDK's own retry strategy, configured
 * by awsClientConfig, and the parsing of real error responses into the names callAws maps.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AwsAccessDeniedError,
  AwsCallError,
  awsClientConfig,
  createAwsIdentity,
  createAwsQuotas,
  createAwsUsage,
  runPreflight,
} from '../../src/index.js';
import { profile } from './profiles.js';

interface Reply {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Answers per action, in order; the last answer repeats. */
type Script = Record<string, Reply[]>;

const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

const json = (body: unknown, status = 200): Reply => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/x-amz-json-1.1' },
});
const jsonError = (type: string, message: string, status = 400): Reply => ({
  status,
  body: JSON.stringify({ __type: type, message }),
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': type },
});
const ec2 = (action: string, inner: string): Reply => ({
  status: 200,
  body: `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${EC2_NS}"><requestId>req-1</requestId>${inner}</${action}Response>`,
  headers: { 'content-type': 'text/xml;charset=UTF-8' },
});
const ec2Error = (code: string, message: string, status: number): Reply => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>req-2</RequestID></Response>`,
  headers: { 'content-type': 'text/xml;charset=UTF-8' },
});

class FakeEndpoint {
  private server: Server | undefined;
  readonly requests: string[] = [];
  script: Script = {};

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const target = req.headers['x-amz-target'];
    let action: string;
    if (typeof target === 'string') action = target.split('.').pop() ?? '';
    else if (req.method === 'GET' && req.url?.startsWith('/clusters')) action = 'ListClusters';
    else action = new URLSearchParams(body).get('Action') ?? '';
    this.requests.push(action);
    const replies = this.script[action];
    const reply = replies?.length ? (replies.length > 1 ? replies.shift() : replies[0]) : undefined;
    if (reply === undefined) {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({ __type: 'UnknownOperationException', message: `fake has no answer for ${action}` }),
      );
      return;
    }
    res.writeHead(reply.status, { 'x-amzn-requestid': 'req-0', ...reply.headers });
    res.end(reply.body);
  }
}

const CREDENTIALS = { accessKeyId: 'AKIDFAKEWIRE', secretAccessKey: 'fake-wire-secret' };

describe('SDK clients against a loopback AWS endpoint', () => {
  let endpoint: FakeEndpoint;
  let url: string;
  beforeEach(async () => {
    endpoint = new FakeEndpoint();
    url = await endpoint.start();
  });
  afterEach(async () => endpoint.stop());

  const config = (maxAttempts?: number) =>
    awsClientConfig({
      region: 'eu-west-2',
      endpoint: url,
      credentials: CREDENTIALS,
      ...(maxAttempts ? { maxAttempts } : {}),
    });

  it('retries ThrottlingException with the SDK retry strategy and then succeeds', async () => {
    endpoint.script.GetServiceQuota = [
      jsonError('ThrottlingException', 'Rate exceeded'),
      jsonError('ThrottlingException', 'Rate exceeded'),
      json({ Quota: { ServiceCode: 'ec2', QuotaCode: 'L-1216C47A', Value: 512 } }),
    ];
    const quotas = createAwsQuotas(new ServiceQuotasClient(config()));
    await expect(quotas.quotaValue('ec2', 'L-1216C47A')).resolves.toBe(512);
    expect(endpoint.requests).toEqual(['GetServiceQuota', 'GetServiceQuota', 'GetServiceQuota']);
  });

  it('gives up after maxAttempts and names the action, the code and the attempts', async () => {
    endpoint.script.GetServiceQuota = [jsonError('ThrottlingException', 'Rate exceeded')];
    const quotas = createAwsQuotas(new ServiceQuotasClient(config(3)));
    const error = await quotas.quotaValue('ec2', 'L-1216C47A').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsCallError);
    expect((error as Error).message).toBe(
      'servicequotas:GetServiceQuota failed with ThrottlingException after 3 attempts: Rate exceeded',
    );
    expect(endpoint.requests).toHaveLength(3);
  });

  it('turns EC2 UnauthorizedOperation into a message naming the permission, without retrying', async () => {
    endpoint.script.DescribeInstances = [
      ec2Error(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/ci/x is not authorized to perform: ec2:DescribeInstances',
        403,
      ),
    ];
    const usage = createAwsUsage(new EC2Client(config()), new EKSClient(config()));
    const error = await usage.runningStandardVcpus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsAccessDeniedError);
    expect((error as Error).message).toMatch(
      /^AWS denied ec2:DescribeInstances \(UnauthorizedOperation\)\. Grant the pipeline role the IAM permission "ec2:DescribeInstances" and run again\. AWS said: You are not authorized/,
    );
    expect((error as Error).message).not.toContain(CREDENTIALS.accessKeyId);
    expect(endpoint.requests).toEqual(['DescribeInstances']);
  });

  it('runs the whole preflight over the wire, retrying an EC2 RequestLimitExceeded on the way', async () => {
    endpoint.script = {
      GetCallerIdentity: [
        {
          status: 200,
          headers: { 'content-type': 'text/xml' },
          body:
            '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
            '<Arn>arn:aws:sts::123456789012:assumed-role/mlperf-pipeline/gh-7</Arn><UserId>AROAFAKE:gh-7</UserId>' +
            '<Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId>' +
            '</ResponseMetadata></GetCallerIdentityResponse>',
        },
      ],
      GetServiceQuota: [json({ Quota: { Value: 100 } })],
      DescribeInstances: [
        ec2(
          'DescribeInstances',
          '<reservationSet><item><instancesSet><item><instanceId>i-1</instanceId><instanceType>m7i.2xlarge</instanceType>' +
            '<cpuOptions><coreCount>4</coreCount><threadsPerCore>2</threadsPerCore></cpuOptions></item></instancesSet></item></reservationSet>',
        ),
      ],
      DescribeVpcs: [
        ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503),
        ec2('DescribeVpcs', '<vpcSet><item><vpcId>vpc-0a1</vpcId></item></vpcSet>'),
      ],
      DescribeAddresses: [ec2('DescribeAddresses', '<addressesSet/>')],
      DescribeNatGateways: [ec2('DescribeNatGateways', '<natGatewaySet/>')],
      ListClusters: [
        { status: 200, headers: { 'content-type': 'application/json' }, body: '{"clusters":["a"]}' },
      ],
    };
    const result = await runPreflight(
      await profile('aws-smoke'),
      {
        identity: createAwsIdentity(new STSClient(config())),
        quotas: createAwsQuotas(new ServiceQuotasClient(config())),
        usage: createAwsUsage(new EC2Client(config()), new EKSClient(config())),
      },
      { runId: 'r7' },
    );
    expect(result.identity?.arn).toBe('arn:aws:sts::123456789012:assumed-role/mlperf-pipeline/gh-7');
    expect(result.quotas.map((row) => [row.id, row.inUse, row.available])).toEqual([
      ['standardVcpus', 8, 92],
      ['vpcs', 1, 99],
      ['elasticIps', 0, 100],
      ['natGatewaysPerAz', 0, 100],
      ['eksClusters', 1, 99],
    ]);
    expect(result.verdict).toEqual({ status: 'ok' });
    expect(endpoint.requests.filter((action) => action === 'DescribeVpcs')).toHaveLength(2);
  });
});
