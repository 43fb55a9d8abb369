/**
 * Runs external commands (terraform) with their output passed through byte for byte, so the log
 * shows exactly what the tool printed, colours included. The runner is injected: tests pass a fake
 * that models Terraform; the actions pass `createProcessRunner()`.
 */
import { spawn } from 'node:child_process';

export interface CommandOptions {
  cwd: string;
  /** Added to (and overriding) the inherited environment. Never logged. */
  env?: Readonly<Record<string, string>>;
  /**
   * true: forward output to the log as it arrives and keep only its tail (for error messages);
   * false: keep all output and print nothing (for machine-readable output such as `show -json`,
   * which can hold sensitive values).
   */
  stream: boolean;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommandRunner {
  run(command: string, args: readonly string[], options: CommandOptions): Promise<CommandResult>;
}

/** Where streamed output goes; the process's own stdout and stderr by default. */
export interface OutputSink {
  stdout(chunk: Uint8Array): void;
  stderr(chunk: Uint8Array): void;
}

const processSink: OutputSink = {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
};

/** Bytes of streamed output kept for error messages, per stream. */
export const STREAM_TAIL_BYTES = 256 * 1024;

class Collector {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit: number | undefined) {}
  add(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.limit === undefined) return;
    while (this.size > this.limit && this.chunks.length > 1) {
      const dropped = this.chunks.shift();
      this.size -= dropped?.length ?? 0;
    }
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export function createProcessRunner(sink: OutputSink = processSink): CommandRunner {
  return {
    run(command, args, options) {
      return new Promise((resolve, reject) => {
        const child = spawn(command, [...args], {
          cwd: options.cwd,
          env: { ...process.env, ...options.env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const limit = options.stream ? STREAM_TAIL_BYTES : undefined;
        const stdout = new Collector(limit);
        const stderr = new Collector(limit);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout.add(chunk);
          if (options.stream) sink.stdout(chunk);
        });
        child.stderr.on('data', (chunk: Buffer) => {
          stderr.add(chunk);
          if (options.stream) sink.stderr(chunk);
        });
        child.on('error', (error: NodeJS.ErrnoException) => {
          reject(
            error.code === 'ENOENT'
              ? new Error(
                  `${command} was not found on PATH; install it first (for Terraform: hashicorp/setup-terraform)`,
                )
              : error,
          );
        });
        child.on('close', (code, signal) => {
          resolve({
            exitCode: code ?? (signal === null ? 1 : 128),
            stdout: stdout.text(),
            stderr: stderr.text(),
          });
        });
      });
    },
  };
}
