// Benchmark of `openmcf preview --sandbox`, run by hand (never a timed test):
//   node scripts/build.mjs && node bench/preview.mjs [runs]
// 1. `openmcf preview --sandbox -f bench/fixtures/bench-api.yaml` against bench/handwritten-preview.mjs,
//    a minimal Automation API script previewing the same three resources on the same engine and
//    backend. Both preview an existing stack with pending changes; runs alternate so both see the
//    same machine load; medians of N runs (default 10). Target: within 1.15x.
// 2. Ten manifests in one `openmcf preview --sandbox -f <dir>` against one. Target: within 2.5x.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'openmcf.js');
const runs = Number(process.argv[2] ?? 10);
const manifest = join(root, 'bench', 'fixtures', 'bench-api.yaml');

const home = mkdtempSync(join(tmpdir(), 'openmcf-bench-preview-'));
const engine = process.env.OPENMCF_PULUMI_CLI ?? join(homedir(), '.openmcf', 'engine', 'v3.274.1', 'bin', 'pulumi');
const env = {
  ...process.env,
  OPENMCF_HOME: home,
  PULUMI_HOME: join(home, 'pulumi-home'),
  OPENMCF_PULUMI_CLI: engine,
  PULUMI_SKIP_UPDATE_CHECK: 'true',
  NO_COLOR: '1',
};
mkdirSync(env.PULUMI_HOME, { recursive: true });

// The sandbox's engine environment (backend, stand-in plugin on PATH, store, passphrase, Go GC
// settings), exactly as openmcf computes it, for the hand-written script. What openmcf adds per run
// is not given to it: its engine launches its own plugin (openmcf's engines share one provider,
// src/sandbox/shared-provider.ts) and derives the passphrase key as the engine does by default
// (src/engine/workspace.ts), as a minimal hand-written script would.
const { sandboxSettings } = await import(join(root, 'dist', 'src', 'sandbox', 'environment.js'));
const { prepareSecretsProvider } = await import(join(root, 'dist', 'src', 'target', 'passphrase.js'));
const sandbox = sandboxSettings(home, env);
const secrets = await prepareSecretsProvider({ backendKind: 'file', env, openmcfHome: home, sandbox: true });
const handEnv = { ...env, ...secrets.envVars, ...sandbox.engineEnv };

function time(args, childEnv) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env: childEnv, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 2) throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const openmcfPreview = (file) => [bin, 'preview', '--sandbox', '-f', file];
// A preview removes a stack it had to create, so the stacks are made to exist by an apply of the
// namespace alone: the container (and the rest) stay pending for every timed preview.
const openmcfCreateStack = (file) => [bin, 'apply', '--sandbox', '--yes', '--target', 'namespace', '-f', file];
const handwritten = [join(root, 'bench', 'handwritten-preview.mjs'), 'organization/bench-hand/dev'];

try {
  // Both stacks exist before timing, and have changes pending.
  time(openmcfCreateStack(manifest), env);
  time(handwritten, handEnv);

  const hand = [];
  const ours = [];
  for (let i = 0; i < runs; i++) {
    hand.push(time(handwritten, handEnv));
    ours.push(time(openmcfPreview(manifest), env));
  }
  const base = median(hand);
  const one = median(ours);
  console.log(`hand-written Automation API preview   median ${base.toFixed(0)} ms (${runs} runs)`);
  console.log(`openmcf preview --sandbox (1 manifest) median ${one.toFixed(0)} ms (${runs} runs)`);
  console.log(`ratio ${(one / base).toFixed(2)}x (target <= 1.15x)`);

  const dir = join(home, 'ten');
  mkdirSync(dir);
  const template = readFileSync(manifest, 'utf8');
  for (let i = 0; i < 10; i++) writeFileSync(join(dir, `bench-${i}.yaml`), template.replaceAll('bench-api', `bench-api-${i}`));
  time(openmcfCreateStack(dir), env);
  const ten = [];
  const tenRuns = Math.max(3, Math.ceil(runs / 2));
  for (let i = 0; i < tenRuns; i++) ten.push(time(openmcfPreview(dir), env));
  const many = median(ten);
  console.log(`openmcf preview --sandbox (10 manifests) median ${many.toFixed(0)} ms (${tenRuns} runs)`);
  console.log(`ratio ${(many / one).toFixed(2)}x of one manifest (target <= 2.5x)`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
