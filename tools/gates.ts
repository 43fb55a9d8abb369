/**
 * The project's test command (`npm test`): every quality gate, one after another, ending with the
 * line CI reads — `gates: N passed, N failed, N skipped`. A skipped gate always says why.
 *
 *   npm test                      all gates
 *   npm test -- --only unit,lint  just these gates (names as printed, or a prefix of them)
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { K6_BUNDLE, sampleK6Env } from './build-k6.js';
import { type Gate, type GateOutcome, runCommand, runGates, summaryLine, tail } from './lib/gate-runner.js';
import { repoRoot } from './lib/paths.js';
import { gateEnvironment, readToolchain } from './lib/toolchain.js';

const root = repoRoot();
const toolchain = readToolchain(root);
const env = gateEnvironment(toolchain, process.env);
const npxBin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** A gate that passes when the command exits 0; on failure it shows the end of the output. */
function commandGate(
  name: string,
  command: string,
  args: string[],
  options: { summarize?: (output: string) => string | undefined; cwd?: string } = {},
): Gate {
  return {
    name,
    async run(): Promise<GateOutcome> {
      const result = await runCommand(command, args, { cwd: options.cwd ?? root, env });
      if (result.code !== 0) {
        return {
          status: 'fail',
          detail: `${command} ${args.join(' ')} exited ${result.code}\n${tail(result.output, 60)}`,
        };
      }
      const detail = options.summarize?.(result.output);
      return detail ? { status: 'pass', detail } : { status: 'pass' };
    },
  };
}

function hasCommand(name: string): boolean {
  const dirs = (env.PATH ?? '').split(path.delimiter);
  return dirs.some((dir) => dir !== '' && existsSync(path.join(dir, name)));
}

/** Wraps a gate that needs an external tool: without it the gate fails and names the install step. */
function needsTool(tool: string, gate: Gate): Gate {
  return {
    name: gate.name,
    run: async () =>
      hasCommand(tool)
        ? gate.run()
        : { status: 'fail', detail: `${tool} is not installed: run \`bash tools/bootstrap.sh\` first` },
  };
}

function vitestSummary(output: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const files = plain.match(/Test Files\s+(.+)/)?.[1]?.trim();
  const tests = plain.match(/\n\s*Tests\s+(.+)/)?.[1]?.trim();
  return tests ? `tests ${tests}; files ${files ?? '?'}` : undefined;
}

function dirsWith(base: string, predicate: (dir: string) => boolean): string[] {
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(base, entry.name))
    .filter(predicate)
    .sort();
}

const hasTerraformFiles = (dir: string) => readdirSync(dir).some((file) => file.endsWith('.tf'));
const terraformDirs = [
  ...dirsWith(path.join(root, 'terraform', 'modules'), hasTerraformFiles),
  ...dirsWith(path.join(root, 'terraform', 'envs'), hasTerraformFiles),
];

function terraformSkipReason(): string | null {
  if (terraformDirs.length === 0) return 'no Terraform code under terraform/modules or terraform/envs yet';
  if (toolchain.source === null)
    return 'bootstrap has not recorded the toolchain (.run/toolchain.env): run `bash tools/bootstrap.sh`';
  if (toolchain.values.TERRAFORM_CHECKS !== 'run') {
    return `Terraform checks cannot run on this machine: ${toolchain.values.TERRAFORM_SKIP_REASON ?? 'reason not recorded'}`;
  }
  return null;
}

const terraformGate: Gate = {
  name: 'terraform fmt/validate/test',
  async run(): Promise<GateOutcome> {
    const skip = terraformSkipReason();
    if (skip) return { status: 'skip', reason: skip };
    const fmt = await runCommand('terraform', ['fmt', '-check', '-recursive', '-diff', 'terraform'], {
      cwd: root,
      env,
    });
    if (fmt.code !== 0)
      return {
        status: 'fail',
        detail: `terraform fmt -check found unformatted files\n${tail(fmt.output, 40)}`,
      };
    let tested = 0;
    for (const dir of terraformDirs) {
      const rel = path.relative(root, dir);
      const steps: string[][] = [
        ['init', '-backend=false', '-input=false', '-no-color'],
        ['validate', '-no-color'],
      ];
      const hasTests =
        existsSync(path.join(dir, 'tests')) || readdirSync(dir).some((f) => f.endsWith('.tftest.hcl'));
      if (hasTests) steps.push(['test', '-no-color']);
      for (const args of steps) {
        const result = await runCommand('terraform', args, { cwd: dir, env });
        if (result.code !== 0) {
          return {
            status: 'fail',
            detail: `${rel}: terraform ${args.join(' ')} exited ${result.code}\n${tail(result.output, 40)}`,
          };
        }
      }
      if (hasTests) tested += 1;
    }
    return { status: 'pass', detail: `${terraformDirs.length} dir(s) valid, ${tested} with terraform test` };
  },
};

function staticTerraformGate(name: string, tool: string, args: string[]): Gate {
  return {
    name,
    run: async () =>
      terraformDirs.length === 0
        ? { status: 'skip', reason: 'no Terraform code under terraform/modules or terraform/envs yet' }
        : needsTool(tool, commandGate(name, tool, args)).run(),
  };
}

const charts = dirsWith(path.join(root, 'helm', 'charts'), (dir) => existsSync(path.join(dir, 'Chart.yaml')));
const helmGate: Gate = {
  name: 'helm lint',
  run: async () =>
    charts.length === 0
      ? { status: 'skip', reason: 'no charts under helm/charts yet' }
      : needsTool('helm', commandGate('helm lint', 'helm', ['lint', '--strict', ...charts])).run(),
};

/** The Kubernetes version of the vendored offline schemas: `helm/schemas/v<version>-standalone-strict/`. */
function offlineSchemaVersion(): string | null {
  const dir = path.join(root, 'helm', 'schemas');
  if (!existsSync(dir)) return null;
  const versions = readdirSync(dir)
    .map((name) => /^v(\d+\.\d+\.\d+)-standalone-strict$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined);
  return versions.length === 1 ? (versions[0] ?? null) : null;
}

/** Each of our charts rendered with each profile's values (or its defaults), validated offline. */
const kubeconformGate: Gate = {
  name: 'kubeconform',
  async run(): Promise<GateOutcome> {
    if (charts.length === 0) return { status: 'skip', reason: 'no charts under helm/charts yet' };
    const k8sVersion = offlineSchemaVersion();
    if (k8sVersion === null) {
      return {
        status: 'skip',
        reason:
          'no offline schemas (helm/schemas/v<k8s>-standalone-strict/): the default schema location needs network',
      };
    }
    for (const tool of ['helm', 'kubeconform']) {
      if (!hasCommand(tool))
        return { status: 'fail', detail: `${tool} is not installed: run \`bash tools/bootstrap.sh\` first` };
    }
    const scratch = mkdtempSync(path.join(tmpdir(), 'mlperf-kubeconform-'));
    try {
      let renders = 0;
      for (const chart of charts) {
        const name = path.basename(chart);
        const valuesDir = path.join(root, 'helm', 'values', name);
        const valueSets = existsSync(valuesDir)
          ? readdirSync(valuesDir)
              .filter((f) => f.endsWith('.yaml'))
              .sort()
              .map((f) => path.join(valuesDir, f))
          : [null];
        for (const values of valueSets) {
          const label = `${name} with ${values ? path.relative(root, values) : 'chart defaults'}`;
          const out = path.join(scratch, `${name}-${renders}`);
          const template = await runCommand(
            'helm',
            ['template', name, chart, '--output-dir', out, ...(values ? ['-f', values] : [])],
            { cwd: root, env },
          );
          if (template.code !== 0) {
            return { status: 'fail', detail: `helm template ${label} failed\n${tail(template.output, 30)}` };
          }
          const check = await runCommand(
            'kubeconform',
            [
              '-strict',
              '-summary',
              '-kubernetes-version',
              k8sVersion,
              '-schema-location',
              'helm/schemas',
              out,
            ],
            { cwd: root, env },
          );
          if (check.code !== 0) {
            return { status: 'fail', detail: `kubeconform ${label}\n${tail(check.output, 30)}` };
          }
          renders += 1;
        }
      }
      return {
        status: 'pass',
        detail: `${renders} render(s) of ${charts.length} chart(s) valid against Kubernetes ${k8sVersion} schemas`,
      };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};

/**
 * The k6 transfer script: its own type check (`k6/tsconfig.json`: `@types/k6`, no Node or DOM types)
 * and the committed one-file bundle the TestRun ConfigMap carries. k6 is never installed here
 * (tools/versions.env `TOOL_K6`); only where it already is on PATH does `k6 inspect` run the bundle's
 * init context with a sample environment.
 */
const k6ScriptGate: Gate = {
  name: 'k6 script',
  async run(): Promise<GateOutcome> {
    const steps: Array<[string, string[]]> = [
      [npxBin('tsc'), ['--noEmit', '-p', path.join('k6', 'tsconfig.json')]],
      [npxBin('tsx'), ['tools/build-k6.ts', '--check']],
    ];
    const withK6 = hasCommand('k6');
    if (withK6) {
      const envArgs = Object.entries(sampleK6Env()).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
      steps.push(['k6', ['inspect', ...envArgs, K6_BUNDLE]]);
    }
    const outputs: string[] = [];
    for (const [command, args] of steps) {
      const result = await runCommand(command, args, { cwd: root, env });
      if (result.code !== 0) {
        return {
          status: 'fail',
          detail: `${path.basename(command)} ${args.join(' ')} exited ${result.code}\n${tail(result.output, 40)}`,
        };
      }
      outputs.push(result.output);
    }
    const inspected = withK6
      ? 'k6 inspect accepted the bundle'
      : 'k6 not on PATH, so the script was not run by k6';
    return {
      status: 'pass',
      detail: `k6/tsconfig.json type-checks; ${tail(outputs[1] ?? '', 1)}; ${inspected}`,
    };
  },
};

const actionManifests = dirsWith(path.join(root, 'actions'), (dir) =>
  existsSync(path.join(dir, 'action.yml')),
);

const gates: Gate[] = [
  commandGate('lint (biome)', npxBin('biome'), ['ci', '--colors=off', '--reporter=summary', '.']),
  commandGate('type check (tsc)', npxBin('tsc'), ['--noEmit', '-p', 'tsconfig.json']),
  commandGate('dist bundles match sources', npxBin('tsx'), ['tools/build-actions.ts', '--check']),
  k6ScriptGate,
  needsTool('actionlint', commandGate('actionlint', 'actionlint', ['-no-color'])),
  commandGate('reusable-workflow contracts', npxBin('tsx'), ['tools/check-workflows.ts'], {
    summarize: (out) => tail(out, 1),
  }),
  needsTool(
    'zizmor',
    commandGate('zizmor', 'zizmor', [
      '--offline',
      '--no-progress',
      '--format=plain',
      '.github',
      ...actionManifests,
    ]),
  ),
  needsTool('yamllint', commandGate('yamllint', 'yamllint', ['--strict', '.'])),
  terraformGate,
  staticTerraformGate('tflint', 'tflint', ['--chdir=terraform', '--recursive', '--format=compact']),
  staticTerraformGate('checkov', 'checkov', [
    '-d',
    'terraform',
    '--framework',
    'terraform',
    '--compact',
    '--quiet',
    // No network here: without this checkov tries to fetch guideline links and logs a stack trace.
    '--skip-download',
  ]),
  helmGate,
  kubeconformGate,
  commandGate('unit and contract tests (vitest)', npxBin('vitest'), ['run'], { summarize: vitestSummary }),
];

function selectGates(all: Gate[], argv: string[]): Gate[] {
  const onlyIndex = argv.indexOf('--only');
  if (onlyIndex < 0) return all;
  const wanted = (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean);
  const chosen = all.filter((gate) => wanted.some((w) => gate.name.startsWith(w)));
  if (chosen.length === 0) {
    throw new Error(
      `--only ${wanted.join(',')}: no such gate; gates are: ${all.map((g) => g.name).join('; ')}`,
    );
  }
  return chosen;
}

if (toolchain.source === null) {
  console.log(
    'note: .run/toolchain.env not found — run `bash tools/bootstrap.sh` to install the pinned tools',
  );
}
const reports = await runGates(selectGates(gates, process.argv.slice(2)), (line) => console.log(line));
console.log(summaryLine(reports));
process.exitCode = reports.some((r) => r.outcome.status === 'fail') ? 1 : 0;
