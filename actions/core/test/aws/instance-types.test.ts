import { describe, expect, it } from 'vitest';
import { familyPrefix, isStandardFamily, lookupVcpus, vcpusOf } from '../../src/index.js';

describe('instance types', () => {
  it('knows the vCPUs of the types the profiles use', () => {
    expect(vcpusOf('m7i.large', 'x')).toBe(2);
    expect(vcpusOf('m7i.xlarge', 'x')).toBe(4);
    expect(vcpusOf('m7i.2xlarge', 'x')).toBe(8);
    expect(vcpusOf('c7i.2xlarge', 'x')).toBe(8);
    expect(vcpusOf('c7i.4xlarge', 'x')).toBe(16);
    expect(vcpusOf('c7i.8xlarge', 'x')).toBe(32);
  });

  it('names an unknown type, where it came from and the known families', () => {
    expect(() => vcpusOf('m9z.huge', 'infrastructure.hub.nodeGroups.kafka.instanceType')).toThrow(
      /m9z\.huge \(infrastructure\.hub\.nodeGroups\.kafka\.instanceType\) is not in the vCPU table.*known families: m7i, c7i/,
    );
    expect(lookupVcpus('m9z.huge')).toBeUndefined();
  });

  it('sorts families into the standard On-Demand quota class or not', () => {
    expect(familyPrefix('im4gn.large')).toBe('im');
    for (const type of [
      'm7i.2xlarge',
      'c7i.4xlarge',
      'r6i.large',
      't3.micro',
      'z1d.large',
      'i4i.large',
      'd3.xlarge',
    ]) {
      expect(isStandardFamily(type), type).toBe(true);
    }
    for (const type of ['g5.xlarge', 'p5.48xlarge', 'x2idn.16xlarge', 'inf2.xlarge', 'u-6tb1.metal']) {
      expect(isStandardFamily(type), type).toBe(false);
    }
  });
});
