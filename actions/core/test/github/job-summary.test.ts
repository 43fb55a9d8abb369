// The step summary fits GitHub's 1 MiB limit, counted in UTF-8 bytes, cut at a line break.
import { describe, expect, it } from 'vitest';
import { JOB_SUMMARY_LIMIT_BYTES, jobSummaryMarkdown } from '../../src/github/index.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('jobSummaryMarkdown', () => {
  it('returns a summary that fits unchanged', () => {
    const markdown = '## ✅ PASS\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expect(jobSummaryMarkdown(markdown)).toBe(markdown);
  });

  it('counts bytes, not characters: 600,000 characters of 2-byte text are cut', () => {
    const line = `${'é'.repeat(59)}`; // 59 characters, 118 bytes
    const markdown = Array.from({ length: 10_000 }, () => line).join('\n');
    expect(markdown.length).toBeLessThan(JOB_SUMMARY_LIMIT_BYTES);
    expect(bytes(markdown)).toBeGreaterThan(JOB_SUMMARY_LIMIT_BYTES);

    const summary = jobSummaryMarkdown(markdown, { fullReportUrl: 'https://github.test/o/r/actions/runs/1' });
    expect(bytes(summary)).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT_BYTES);
    expect(bytes(summary)).toBeGreaterThan(JOB_SUMMARY_LIMIT_BYTES - 500);
    const lines = summary.split('\n');
    expect(lines.at(-2)).toBe(
      "✂️ **Trimmed to fit GitHub's 1,048,576-byte step-summary limit.** The full report: [report.md and results.json](https://github.test/o/r/actions/runs/1).",
    );
    expect(lines.slice(-5, -2)).toEqual([line, '', '---']);
    for (const kept of lines.slice(0, -4)) expect(kept).toBe(line);
  });

  it('closes a code block left open by the cut, so the note renders as text', () => {
    const markdown = `## Config\n\n\`\`\`yaml\n${'key: value\n'.repeat(200)}\`\`\`\n`;
    const summary = jobSummaryMarkdown(markdown, { limitBytes: 1000 });
    expect(bytes(summary)).toBeLessThanOrEqual(1000);
    expect(summary.split('\n').filter((line) => line.startsWith('```'))).toEqual(['```yaml', '```']);
    expect(summary).toMatch(/```\n\n---\n✂️/);
  });

  it('cuts a single over-long line between characters, never inside one', () => {
    const summary = jobSummaryMarkdown('😀'.repeat(1000), { limitBytes: 400 });
    expect(bytes(summary)).toBeLessThanOrEqual(400);
    expect(summary).not.toContain('\uFFFD');
    expect(summary.startsWith('😀😀')).toBe(true);
  });
});
