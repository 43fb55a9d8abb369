import { spawn } from 'node:child_process';

/** The outcome of one quality gate. A skip always carries the reason it is printed with. */
export type GateOutcome =
  | { status: 'pass'; detail?: string }
  | { status: 'fail'; detail: string }
  | { status: 'skip'; reason: string };

export interface Gate {
  name: string;
  run(): Promise<GateOutcome>;
}

export interface CommandResult {
  code: number;
  output: string;
}

/** Runs a command with stdout and stderr interleaved into one captured string. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const append = (chunk: Buffer) => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(
      () => {
        output += `\n[gate] ${command} exceeded ${options.timeoutMs} ms and was stopped\n`;
        child.kill('SIGKILL');
      },
      options.timeoutMs ?? 15 * 60_000,
    );
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, output: `${output}\n[gate] could not start ${command}: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

/** The last `count` non-empty lines of a command's output, for failure reports that stay readable. */
export function tail(output: string, count: number): string {
  const lines = output.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(-count).join('\n');
}

export interface GateReport {
  name: string;
  outcome: GateOutcome;
  seconds: number;
}

/** Runs gates one after another (the machine has two cores; parallel gates only fight for them). */
export async function runGates(gates: Gate[], log: (line: string) => void): Promise<GateReport[]> {
  const reports: GateReport[] = [];
  for (const gate of gates) {
    const started = performance.now();
    let outcome: GateOutcome;
    try {
      outcome = await gate.run();
    } catch (error) {
      outcome = {
        status: 'fail',
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
    const seconds = (performance.now() - started) / 1000;
    reports.push({ name: gate.name, outcome, seconds });
    log(formatGateLine({ name: gate.name, outcome, seconds }));
  }
  return reports;
}

export function formatGateLine(report: GateReport): string {
  const time = `(${report.seconds.toFixed(1)} s)`;
  switch (report.outcome.status) {
    case 'pass':
      return `PASS    ${report.name} ${time}${report.outcome.detail ? ` — ${report.outcome.detail}` : ''}`;
    case 'fail':
      return `FAIL    ${report.name} ${time}\n${indent(report.outcome.detail)}`;
    case 'skip':
      return `SKIPPED ${report.name} — ${report.outcome.reason}`;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `        ${line}`)
    .join('\n');
}

/** The closing line CI reads: `gates: N passed, N failed, N skipped`. */
export function summaryLine(reports: GateReport[]): string {
  const count = (status: GateOutcome['status']) => reports.filter((r) => r.outcome.status === status).length;
  return `gates: ${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`;
}
