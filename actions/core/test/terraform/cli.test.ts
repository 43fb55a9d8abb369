import { describe, expect, it } from 'vitest';
import {
  type CommandOptions,
  type CommandRunner,
  createProcessRunner,
  stripAnsi,
  Terraform,
  TerraformError,
} from '../../src/index.js';

class RecordingRunner implements CommandRunner {
  readonly calls: Array<{ command: string; args: string[]; options: CommandOptions }> = [];
  constructor(
    private readonly answer: (args: readonly string[]) => {
      exitCode: number;
      stdout: string;
      stderr: string;
    },
  ) {}
  async run(command: string, args: readonly string[], options: CommandOptions) {
    this.calls.push({ command, args: [...args], options });
    return this.answer(args);
  }
}

describe('terraform commands', () => {
  it('runs every command non-interactively; only captured JSON commands use -no-color', async () => {
    const runner = new RecordingRunner((args) => ({
      exitCode: 0,
      stdout: args[0] === 'show' ? '{"resource_changes":[]}' : args[0] === 'output' ? '{}' : 'ok',
      stderr: '',
    }));
    const tf = new Terraform({ workingDir: '/stack', runner });
    await tf.init({ bucket: 'state-bucket', key: 'mlperf/r42/terraform.tfstate', region: 'eu-west-2' });
    await tf.plan('/stack/mlperf.tfvars.json', '/stack/mlperf.tfplan');
    await expect(tf.showPlanJson('/stack/mlperf.tfplan')).resolves.toEqual({ resource_changes: [] });
    await tf.apply('/stack/mlperf.tfplan');
    await expect(tf.outputJson()).resolves.toEqual({});
    await tf.destroy('/stack/mlperf.tfvars.json');

    expect(runner.calls.map((c) => [c.args, c.options.stream])).toEqual([
      [
        [
          'init',
          '-input=false',
          '-backend-config=bucket=state-bucket',
          '-backend-config=key=mlperf/r42/terraform.tfstate',
          '-backend-config=region=eu-west-2',
          '-backend-config=use_lockfile=true',
        ],
        true,
      ],
      [
        [
          'plan',
          '-input=false',
          '-lock-timeout=5m',
          '-var-file=/stack/mlperf.tfvars.json',
          '-out=/stack/mlperf.tfplan',
        ],
        true,
      ],
      [['show', '-json', '-no-color', '/stack/mlperf.tfplan'], false],
      [['apply', '-input=false', '-lock-timeout=5m', '-auto-approve', '/stack/mlperf.tfplan'], true],
      [['output', '-json', '-no-color'], false],
      [
        [
          'destroy',
          '-input=false',
          '-lock-timeout=5m',
          '-auto-approve',
          '-var-file=/stack/mlperf.tfvars.json',
        ],
        true,
      ],
    ]);
    expect(runner.calls.every((c) => c.command === 'terraform' && c.options.cwd === '/stack')).toBe(true);
    expect(runner.calls[0]?.options.env).toEqual({ TF_IN_AUTOMATION: '1', TF_INPUT: '0' });
  });

  it('fails with the exit code and the last lines of output, colours removed', async () => {
    const noise = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    const runner = new RecordingRunner(() => ({
      exitCode: 1,
      stdout: noise,
      stderr: '\u001b[31m│\u001b[0m \u001b[1mError: \u001b[0mdeleting EC2 VPC: DependencyViolation',
    }));
    const error = await new Terraform({ workingDir: '/stack', runner })
      .destroy('v.tfvars.json')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraformError);
    expect((error as TerraformError).exitCode).toBe(1);
    const message = (error as Error).message;
    expect(message.split('\n')[0]).toBe('terraform destroy failed (exit 1). Last lines of its output:');
    expect(message).toContain('│ Error: deleting EC2 VPC: DependencyViolation');
    expect(message).not.toContain('line 5\n');
    expect(message).not.toContain('\u001b');
  });

  it('does not echo unparseable JSON output, which may hold sensitive values', async () => {
    const runner = new RecordingRunner(() => ({ exitCode: 0, stdout: 'password = hunter2', stderr: '' }));
    await expect(new Terraform({ workingDir: '/', runner }).outputJson()).rejects.toThrow(
      'terraform output -json did not print valid JSON (18 characters)',
    );
  });

  it('strips colour codes', () => {
    expect(stripAnsi('\u001b[1m\u001b[31mError:\u001b[0m x')).toBe('Error: x');
  });
});

describe('process runner', () => {
  const script = (code: string) => ['-e', code];

  it('passes streamed output through byte for byte and keeps it for the caller', async () => {
    const seen: Buffer[] = [];
    const runner = createProcessRunner({
      stdout: (c) => seen.push(Buffer.from(c)),
      stderr: (c) => seen.push(Buffer.from(c)),
    });
    const colourful = '\u001b[32m+\u001b[0m create\r\n│ ünïcode\n';
    const result = await runner.run(
      process.execPath,
      script(`process.stdout.write(${JSON.stringify(colourful)})`),
      {
        cwd: process.cwd(),
        stream: true,
      },
    );
    expect(Buffer.concat(seen).toString('utf8')).toBe(colourful);
    expect(result).toEqual({ exitCode: 0, stdout: colourful, stderr: '' });
  });

  it('prints nothing of captured output and reports the exit code', async () => {
    const seen: Buffer[] = [];
    const runner = createProcessRunner({
      stdout: (c) => seen.push(Buffer.from(c)),
      stderr: (c) => seen.push(Buffer.from(c)),
    });
    const result = await runner.run(
      process.execPath,
      script(
        'process.stdout.write(JSON.stringify({secret:"x"})); process.stderr.write("warn"); process.exit(3)',
      ),
      { cwd: process.cwd(), stream: false, env: { MLPERF_TEST: '1' } },
    );
    expect(seen).toEqual([]);
    expect(result).toEqual({ exitCode: 3, stdout: '{"secret":"x"}', stderr: 'warn' });
  });

  it('says how to get the tool when it is not installed', async () => {
    await expect(
      createProcessRunner().run('terraform-that-does-not-exist', ['version'], {
        cwd: process.cwd(),
        stream: false,
      }),
    ).rejects.toThrow(
      'terraform-that-does-not-exist was not found on PATH; install it first (for Terraform: hashicorp/setup-terraform)',
    );
  });
});
