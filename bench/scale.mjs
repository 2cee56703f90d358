// Scale of one run, by hand (never a timed test; Linux only, it reads /proc):
//   node scripts/build.mjs && node bench/scale.mjs [runs] [counts]
//   node bench/scale.mjs 3 1,10,40
// `openmcf preview --sandbox -f <folder>` over 1, 10 and 40 generated manifests (three resources
// each, stacks created by a first, untimed run). For each count, medians of N runs (default 3) of:
//   wall     the whole command
//   cpu      user + system of openmcf and every process it started (engines, the sandbox provider,
//            plugins): the growth of this process's children times in /proc/self/stat across the run
//   openmcf  the openmcf process alone: its CPU and peak RSS (bench/rss-probe.mjs)
// and the cost per stack: the total divided by the count, and the marginal cost of one more stack
// ((value at the largest count - value at 1) / (count - 1)).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchHome, bin, manifest, root } from './lib.mjs';

const runs = Number(process.argv[2] ?? 3);
const counts = (process.argv[3] ?? '1,10,40').split(',').map(Number);
const template = readFileSync(manifest, 'utf8');
const probe = join(root, 'bench', 'rss-probe.mjs');

const { home, env } = benchHome('scale', { NO_COLOR: '1' });
const probeFile = join(home, 'probe.json');
env.OPENMCF_BENCH_PROBE = probeFile;

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU seconds of this process's waited-for children (and theirs): cutime + cstime. */
function childrenCpuSeconds() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ", field 3 is the state; cutime and cstime are fields 16 and 17.
  return (Number(fields[16 - 3]) + Number(fields[17 - 3])) / TICKS_PER_SECOND;
}

function measure(folder) {
  const cpuBefore = childrenCpuSeconds();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', probe, bin, 'preview', '--sandbox', '-f', folder], { cwd: root, env, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = childrenCpuSeconds() - cpuBefore;
  if (result.status !== 0) throw new Error(`preview of ${folder} failed (exit ${result.status}):\n${result.stderr}`);
  const own = JSON.parse(readFileSync(probeFile, 'utf8'));
  return { wall, cpu, ownCpu: (own.userUs + own.systemUs) / 1e6, rssMb: own.maxRssKb / 1024 };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const rows = [];
try {
  for (const count of counts) {
    const folder = join(home, `m${count}`);
    mkdirSync(folder);
    for (let i = 0; i < count; i++) writeFileSync(join(folder, `bench-${i}.yaml`), template.replaceAll('bench-api', `bench-${count}-${i}`));
    measure(folder); // creates the stacks; not timed
    const samples = Array.from({ length: runs }, () => measure(folder));
    const row = { count, ...Object.fromEntries(['wall', 'cpu', 'ownCpu', 'rssMb'].map((k) => [k, median(samples.map((s) => s[k]))])) };
    rows.push(row);
    console.error(`measured ${count} manifest(s)`);
  }
  const pad = (text, width) => String(text).padStart(width);
  console.log(
    `openmcf preview --sandbox, medians of ${runs} runs, ${process.execPath.includes('node') ? process.version : ''} on ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores`,
  );
  console.log(
    `${pad('manifests', 9)} ${pad('wall s', 8)} ${pad('cpu s', 8)} ${pad('wall/stack', 10)} ${pad('cpu/stack', 10)} ${pad('openmcf cpu s', 13)} ${pad('openmcf peak RSS MB', 19)}`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.count, 9)} ${pad(r.wall.toFixed(2), 8)} ${pad(r.cpu.toFixed(2), 8)} ${pad((r.wall / r.count).toFixed(2), 10)} ${pad((r.cpu / r.count).toFixed(2), 10)} ${pad(r.ownCpu.toFixed(2), 13)} ${pad(r.rssMb.toFixed(0), 19)}`,
    );
  }
  const first = rows[0];
  const last = rows.at(-1);
  if (first && last && last.count > first.count) {
    const n = last.count - first.count;
    console.log(
      `one more stack costs ${((last.wall - first.wall) / n).toFixed(2)} s of wall and ${((last.cpu - first.cpu) / n).toFixed(2)} s of CPU (${((last.ownCpu - first.ownCpu) / n).toFixed(3)} s in openmcf itself) and ${((last.rssMb - first.rssMb) / n).toFixed(2)} MB of openmcf's peak RSS`,
    );
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
