// Benchmark of the first moment on a terminal, run by hand (never a timed test):
//   node scripts/build.mjs && node bench/first-byte.mjs [runs]
// `openmcf preview --sandbox -f bench/fixtures/bench-api.yaml` of a stack that exists (applied
// once first), on a pseudo-terminal 120 columns wide (`script` from util-linux, TERM=xterm), as a
// user runs it: the time from the start to the first byte on the terminal, to the first "reading
// manifests" frame, and to the plan. Against `node -e` writing one byte on the same terminal (Node's
// own start-up and `script`'s), run alternately so both see the same load; medians of N runs
// (default 10). Target: the first byte under 300 ms on a quiet machine.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { benchHome, bin, manifest, root } from './lib.mjs';

const runs = Number(process.argv[2] ?? 10);
const { home, env } = benchHome('first-byte', { TERM: 'xterm' });
for (const name of ['CI', 'GITHUB_ACTIONS', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];

const quote = (arg) => `'${arg.replace(/'/g, "'\\''")}'`;

/** Runs `argv` on a pseudo-terminal; ms from spawn to the first byte, to `marks` (first match each), and to the end. */
function onTerminal(argv, marks = {}) {
  return new Promise((resolve, reject) => {
    const command = `stty cols 120 rows 40; exec ${argv.map(quote).join(' ')}`;
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: root, env });
    const at = { first: undefined };
    let screen = '';
    child.stdout.on('data', (chunk) => {
      at.first ??= elapsed();
      screen += chunk.toString();
      const plain = screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
      for (const [name, text] of Object.entries(marks)) if (at[name] === undefined && plain.includes(text)) at[name] = elapsed();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ ...at, end: elapsed() }) : reject(new Error(`exit ${code}:\n${screen}`))));
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

try {
  // The stack exists (the case the blank screen was seen in), and the preview has changes to show.
  const applied = spawnSync(process.execPath, [bin, 'apply', '--sandbox', '--yes', '-f', manifest], { env, encoding: 'utf8' });
  if (applied.status !== 0) throw new Error(`apply failed (exit ${applied.status}): ${applied.stderr}`);
  const preview = [process.execPath, bin, 'preview', '--sandbox', '-f', manifest, '--set', 'spec.memoryLimitMb=1024'];
  const baselineArgv = [process.execPath, '-e', "process.stdout.write('.')"];
  await onTerminal(baselineArgv);
  await onTerminal(preview);
  const load = loadavg()[0];
  const baseline = [];
  const results = [];
  for (let i = 0; i < runs; i++) {
    baseline.push((await onTerminal(baselineArgv)).first);
    results.push(await onTerminal(preview, { reading: 'reading manifests', plan: 'Preview of' }));
  }
  const loadAfter = loadavg()[0];
  const line = (label, values) =>
    console.log(`${label.padEnd(52)} median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`);
  line('node -e writing one byte: first byte', baseline);
  line(
    'openmcf preview (existing stack): first byte',
    results.map((r) => r.first),
  );
  line(
    'openmcf preview: "reading manifests" on screen',
    results.map((r) => r.reading),
  );
  line(
    'openmcf preview: the plan on screen',
    results.map((r) => r.plan),
  );
  line(
    'openmcf preview: exit',
    results.map((r) => r.end),
  );
  console.log(
    `${runs} runs, alternating; 1-minute load average ${load.toFixed(2)} before, ${loadAfter.toFixed(2)} after (${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?'} CPUs); target: first byte < 300 ms on a quiet machine`,
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
