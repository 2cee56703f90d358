// Benchmark of the validate path, run by hand (never a timed test):
//   node scripts/build.mjs && node bench/validate.mjs [runs]
// 1. `openmcf validate -f manifests/order-api.yaml` against `node -e 0`, run alternately, medians
//    of N runs (default 10). Target: within 2x.
// 2. 1,000 generated manifests in one directory, validated by one `openmcf validate -f <dir>`.
//    Target: under 2 seconds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'openmcf.js');
const runs = Number(process.argv[2] ?? 10);

function timeRun(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.status, stderr: result.stderr };
}

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
  baseline.push(timeRun(['-e', '0']).ms);
  const run = timeRun([bin, 'validate', '-f', 'manifests/order-api.yaml']);
  if (run.status !== 0) throw new Error(`validate failed (exit ${run.status}): ${run.stderr}`);
  validate.push(run.ms);
}
const base = median(baseline);
const one = median(validate);
console.log(`node -e 0                                   median ${base.toFixed(1)} ms (${runs} runs)`);
console.log(`openmcf validate -f manifests/order-api.yaml median ${one.toFixed(1)} ms (${runs} runs)`);
console.log(`ratio ${(one / base).toFixed(2)}x (target <= 2x)`);

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
