// The optional `report.regression` block: defaults when absent, partial blocks filled in, bad values named.
import { describe, expect, it } from 'vitest';
import { runConfigJsonSchema, validateRunConfig } from '../../src/index.js';
import { configError, expectIssueLine, validAwsConfig, withValue } from './support.js';

describe('report.regression', () => {
  it('defaults to a 5 % rate drop and a 20 % p99 rise when report is omitted', () => {
    const config = validateRunConfig(validAwsConfig());
    expect(config.report).toEqual({ regression: { maxRateDropPercent: 5, maxP99IncreasePercent: 20 } });
  });

  it('fills only the fields that are missing', () => {
    const config = validateRunConfig(
      withValue(validAwsConfig(), 'report', { regression: { maxP99IncreasePercent: 35 } }),
    );
    expect(config.report.regression).toEqual({ maxRateDropPercent: 5, maxP99IncreasePercent: 35 });
    expect(validateRunConfig(withValue(validAwsConfig(), 'report', {})).report.regression).toEqual({
      maxRateDropPercent: 5,
      maxP99IncreasePercent: 20,
    });
  });

  const withRegression = (regression: Record<string, unknown>) =>
    withValue(validAwsConfig(), 'report', { regression });

  it.each([
    ['maxRateDropPercent', 120, '120', 'a number from 0 to 100 (percent)'],
    ['maxRateDropPercent', -1, '-1', 'a number from 0 to 100 (percent)'],
    ['maxP99IncreasePercent', '20%', '"20%"', 'a number ≥ 0 (percent)'],
  ])('refuses %s = %j', async (field, value, rendered, allowed) => {
    const error = await configError(() => validateRunConfig(withRegression({ [field]: value })));
    expectIssueLine(error, `report.regression.${field}`, rendered, allowed);
  });

  it('refuses an unknown key inside the block', async () => {
    const error = await configError(() => validateRunConfig(withRegression({ maxRateDrop: 5 })));
    expectIssueLine(error, 'report.regression.maxRateDrop', '5', 'maxRateDropPercent, maxP99IncreasePercent');
  });

  it('is documented in the JSON Schema for editors', () => {
    const schema = runConfigJsonSchema() as {
      required: string[];
      properties: {
        report: { properties: { regression: { properties: Record<string, { description?: string }> } } };
      };
    };
    expect(schema.required).not.toContain('report');
    const fields = schema.properties.report.properties.regression.properties;
    expect(Object.keys(fields)).toEqual(['maxRateDropPercent', 'maxP99IncreasePercent']);
    for (const field of Object.values(fields)) expect(field.description).toMatch(/percent$/);
  });
});
