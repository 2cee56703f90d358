// Benchmark of the validate path, run by hand or by CI (never a timed test):
//   node scripts/build.mjs && node bench/validate.mjs [--runs N] [--max-ratio R] [--no-bulk]
// 1. `openmcf validate -f manifests/order-api.yaml` against `node -e 0`, run alternately, medians
//    of N runs (default 21). Prints the ratio; with --max-ratio, exits 1 when the ratio is above it
//    (target: 1.5). The same Node runs both sides, so the ratio holds for any Node given as
//    `<node> bench/validate.mjs`.
// 2. 1,000 generated manifests in one directory, validated by one `openmcf validate -f <dir>`.
//    Target: under 2 seconds. Skipped with --no-bulk.
// On a loaded machine both sides slow down; the ratio, measured in the same run, holds better
// than either figure alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'openmcf.js');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string' }, 'max-ratio': { type: 'string' }, 'no-bulk': { type: 'boolean' } },
});
// `node bench/validate.mjs 10` (the earlier form) still gives the number of runs.
const runs = Number(values.runs ?? positionals[0] ?? 21);
const maxRatio = values['max-ratio'] === undefined ? undefined : Number(values['max-ratio']);
if (!Number.isInteger(runs) || runs < 1) usage(`--runs wants a whole number above 0, not ${values.runs ?? positionals[0]}`);
if (maxRatio !== undefined && !(maxRatio > 0)) usage(`--max-ratio wants a number above 0, not ${values['max-ratio']}`);

function usage(message) {
  console.error(`bench/validate.mjs: ${message}\nusage: node bench/validate.mjs [--runs N] [--max-ratio R] [--no-bulk]`);
  process.exit(2);
}

/**
 * CPU time of the children waited for so far, in ms, where Linux says it (/proc/self/stat, in ticks
 * of 10 ms): on a machine others load, wall time waits for a core and CPU time does not.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function timeRun(args) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  return { ms, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, status: result.status, stderr: result.stderr };
}

const sum = (values) => values.reduce((total, value) => total + value, 0);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Warm the file-system cache once, then alternate so both sides see the same machine load.
timeRun(['-e', '0']);
timeRun([bin, 'validate', '-f', 'manifests/order-api.yaml']);
const baseline = [];
const validate = [];
for (let i = 0; i < runs; i++) {
  baseline.push(timeRun(['-e', '0']));
  const run = timeRun([bin, 'validate', '-f', 'manifests/order-api.yaml']);
  if (run.status !== 0) throw new Error(`validate failed (exit ${run.status}): ${run.stderr}`);
  validate.push(run);
}
const base = median(baseline.map((run) => run.ms));
const one = median(validate.map((run) => run.ms));
const ratio = one / base;
console.log(`node ${process.version}`);
console.log(`node -e 0                                   median ${base.toFixed(1)} ms (${runs} runs)`);
console.log(`openmcf validate -f manifests/order-api.yaml median ${one.toFixed(1)} ms (${runs} runs)`);
console.log(`ratio ${ratio.toFixed(2)}x (target <= 1.5x)`);
if (baseline.every((run) => run.cpu !== undefined) && validate.every((run) => run.cpu !== undefined)) {
  // Means: a tick is 10 ms, too coarse for a median of single runs.
  const cpuBase = sum(baseline.map((run) => run.cpu)) / runs;
  const cpuOne = sum(validate.map((run) => run.cpu)) / runs;
  console.log(`CPU time, mean per run: node -e 0 ${cpuBase.toFixed(1)} ms, validate ${cpuOne.toFixed(1)} ms, ratio ${(cpuOne / cpuBase).toFixed(2)}x`);
}

if (!values['no-bulk']) {
  const dir = mkdtempSync(join(tmpdir(), 'openmcf-bench-'));
  try {
    const template = readFileSync(join(root, 'manifests', 'data-pipeline.yaml'), 'utf8');
    for (let i = 0; i < 1000; i++) {
      const name = `svc-${String(i).padStart(4, '0')}`;
      writeFileSync(join(dir, `${name}.yaml`), template.replaceAll('data-pipeline', name));
    }
    const bulk = [];
    for (let i = 0; i < 3; i++) {
      const run = timeRun([bin, 'validate', '-f', dir]);
      if (run.status !== 0) throw new Error(`validate of 1,000 manifests failed (exit ${run.status}): ${run.stderr.slice(0, 2000)}`);
      bulk.push(run.ms);
    }
    console.log(`openmcf validate -f <dir of 1,000 manifests> median ${median(bulk).toFixed(0)} ms (3 runs; target < 2000 ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (maxRatio !== undefined && ratio > maxRatio) {
  console.error(`bench/validate.mjs: validate took ${ratio.toFixed(2)}x node -e 0, above --max-ratio ${maxRatio}`);
  process.exit(1);
}
