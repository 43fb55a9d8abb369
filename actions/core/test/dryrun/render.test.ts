import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../src/cost/render.js';
import { LADDER_VERDICT_RULE } from '../../src/dryrun/plan.js';
import { columns, keyValueLines, renderDryRunJson, renderDryRunText } from '../../src/dryrun/render.js';
import { PHASE_STATUSES } from '../../src/dryrun/types.js';
import { phase, plan, resolved } from './support.js';

describe('renderDryRunText', () => {
  it('has one heading per phase with its status, in order, and no colour codes', async () => {
    const p = await plan(await resolved('aws-1000tps'));
    const text = renderDryRunText(p);
    const headings = text.split('\n').filter((line) => /^\S.* \[(would-run|skipped|not-built)\]$/.test(line));
    expect(headings).toEqual(p.phases.map((x) => `${x.title} [${x.status}]`));
    expect(text.includes(String.fromCharCode(27))).toBe(false);
    expect(text).toMatch(/^DRY RUN of the performance pipeline/);
  });

  it('shows the core’s figures: estimate, cap, state key, rungs and the expected verdict', async () => {
    const config = await resolved('aws-1000tps');
    const p = await plan(config);
    const text = renderDryRunText(p);
    const estimate = phase(p, 'preflight').details.estimate;
    expect(text).toContain(`cost estimate              ${formatUsd(estimate?.total ?? Number.NaN)}`);
    expect(text).toContain('cost cap                   $150.00: within the cap');
    expect(text).toContain('/mlperf/r123/terraform.tfstate');
    for (const rung of config.ladder.rungs) expect(text).toMatch(new RegExp(`\\s${rung.rate}/s\\s`));
    expect(text).toContain(`expected verdict      PASS, FAIL or INVALID: ${LADDER_VERDICT_RULE}.`);
    // The database line carries every database variable, TLS included (the services' connections
    // are plain with the pinned Mojaloop charts).
    expect(text).toMatch(/database: db\.m6i\.2xlarge, 400 GiB, multi_az=true require_tls=false$/m);
  });

  it('shows each platform release with its cluster, chart, values, readiness and Helm command', async () => {
    const p = await plan(await resolved('aws-smoke'));
    const text = renderDryRunText(p);
    expect(text).toMatch(/^03 Platform \[would-run\]$/m);
    for (const release of phase(p, 'platform').details.releases) {
      expect(text).toContain(`${release.order}. ${release.release}`);
      expect(text).toContain(
        `${release.cluster} cluster ${release.clusterName}, namespace ${release.namespace}`,
      );
      expect(text).toContain(`chart ${release.chart} ${release.version} from ${release.repo}`);
      expect(text).toContain(`helm ${release.command.args.join(' ')}`);
      expect(text).toContain(
        `values ${release.valuesFiles.length === 0 ? 'chart defaults' : release.valuesFiles.join(', ')}`,
      );
    }
    expect(text).toContain('then no readiness wait (CRDs only, no workloads)');
    expect(text).toMatch(/kubeconfigs\s+hub: \$TMPDIR\/mlperf-kube-XXXXXX\/mlperf-r123-hub\.kubeconfig/);
    const platformBlock = text.slice(text.indexOf('03 Platform'), text.indexOf('04 Mojaloop'));
    expect(text).toMatch(/^ {2}outcome {5}the run would reach the end/m);
    // The stack values the platform only gets from provision's outputs, named as placeholders.
    expect(platformBlock).toMatch(
      /placeholders\s+aws-load-balancer-controller: clusterName = <provision output hub-cluster-name>\n\s+aws-load-balancer-controller: vpcId = <provision outputs\.vpcId>/,
    );
    expect(platformBlock).toMatch(/job\s+platform .*input stack-outputs is provision's outputs JSON/);
    expect(platformBlock).not.toMatch(/load cluster|k6-operator|mlperf-r123-load/);
  });

  it('shows the load-infra release the way the platform block does, its checks and the probe note', async () => {
    const p = await plan(await resolved('aws-smoke'));
    const text = renderDryRunText(p);
    expect(text).toMatch(/^05 Load infrastructure \[would-run\]$/m);
    const block = text.slice(text.indexOf('05 Load infrastructure'), text.indexOf('06 First test'));
    const loadInfra = phase(p, 'load-infra').details;
    expect(loadInfra.releases.map((r) => r.key)).toEqual(['k6-operator']);
    for (const release of loadInfra.releases) {
      expect(block).toContain(`${release.order}. ${release.release}`);
      expect(block).toContain(`load cluster ${release.clusterName}, namespace ${release.namespace}`);
      expect(block).toContain(`chart ${release.chart} ${release.version} from ${release.repo}`);
      expect(block).toContain(`helm ${release.command.args.join(' ')}`);
    }
    expect(block).toContain('then waits up to 15 min for the workloads in k6-operator-system to be ready');
    expect(block).toMatch(/check TestRun CRD\s+load cluster mlperf-r123-load/);
    expect(block).toMatch(/check no k6 on hub\s+hub cluster mlperf-r123-hub\n\s+assertNoK6OnHubCluster:/);
    expect(block).toMatch(
      /hub gateway probe\s+connectivity from the load cluster to the hub gateway\n\s+not in this phase: it runs before the mojaloop phase makes the gateway; the ladder probes/,
    );
    expect(block).toMatch(/kubeconfigs\s+load: \$TMPDIR\/mlperf-kube-XXXXXX\/mlperf-r123-load\.kubeconfig/);
    expect(block).toMatch(/k6 runners\s+1 runner\(s\), 50 VUs pre-allocated, at most 200/);
  });

  it('says why the teardown is skipped with keepInfra', async () => {
    const text = renderDryRunText(await plan(await resolved('aws-1000tps', [], { keepInfra: 'true' })));
    expect(text).toMatch(/^Teardown \[skipped\]\n {2}skipped: keepInfra is true/m);
  });

  it('renders the local chain', async () => {
    const text = renderDryRunText(await plan(await resolved('local')));
    expect(text).toMatch(/chain\s+config → rehearsal → report/);
    expect(text).toMatch(/^Local rehearsal \[would-run\]$/m);
    expect(text).not.toMatch(/Preflight|Provision|Teardown/);
  });
});

describe('renderDryRunJson', () => {
  it('parses back to the plan, every phase with a name, a known status and details', async () => {
    for (const name of ['aws-1000tps', 'local']) {
      const p = await plan(await resolved(name));
      const parsed = JSON.parse(renderDryRunJson(p));
      expect(parsed).toEqual(JSON.parse(JSON.stringify(p)));
      expect(parsed.phases.map((x: { name: string }) => x.name)).toEqual(p.chain);
      for (const x of parsed.phases) {
        expect(PHASE_STATUSES).toContain(x.status);
        expect(typeof x.details).toBe('object');
      }
    }
  });
});

describe('layout helpers', () => {
  it('aligns keys and continues multi-line values under the value column', () => {
    expect(
      keyValueLines(
        [
          ['a', 'one'],
          ['longer', 'two\nthree'],
        ],
        '',
      ),
    ).toEqual(['a       one', 'longer  two', '        three']);
  });

  it('pads columns, right-aligning the numeric ones', () => {
    expect(
      columns(
        [
          ['x', '1', 'end'],
          ['yy', '100', 'e'],
        ],
        [false, true, false],
      ),
    ).toBe('x     1  end\nyy  100  e');
  });
});
