// Benchmark of `openmcf preview --sandbox`, run by hand (never a timed test):
//   node scripts/build.mjs && node bench/preview.mjs [runs]
// 1. `openmcf preview --sandbox -f bench/fixtures/bench-api.yaml` against bench/handwritten-preview.mjs,
//    a minimal Automation API script previewing the same three resources on the same engine, the
//    same real `scaleway` plugin (which its engine launches itself) and a local API of the same
//    store (`openmcf sandbox api`, started once). Both refresh then preview an existing stack with
//    pending changes (openmcf refreshes by default, the script passes `refresh: true`); runs
//    alternate so both see the same machine load; medians of N runs (default 10).
//    Target: within 1.0x.
// 2. Ten manifests in one `openmcf preview --sandbox -f <dir>` against one. Target: within 2.5x.
// 3. Forty manifests: wall time and the CPU time of openmcf and the processes it waited for
//    (engines; the shared plugin's is included when its watchdog reaps it), per stack.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { benchHome, bin, built, manifest, plugin, root } from './lib.mjs';

const runs = Number(process.argv[2] ?? 10);
const { home, env } = benchHome('preview', { NO_COLOR: '1' });

// The hand-written script's environment: the sandbox's backend and secrets provider as openmcf
// sets them up (the local API's transit key, src/sandbox/secrets-key.ts), fake credentials of the
// real format, the local API's URL, and the plugin on PATH for its engine to launch. What openmcf
// adds per run is not given to it: openmcf's engines attach to one shared plugin
// (src/engine/shared-provider.ts) and open the state's secrets manager without minting a new data
// key (src/engine/workspace.ts); the script's engine does what a minimal script's would.
const { sandboxSettings } = await built('stack/sandbox-environment.js');
const { prepareSecretsProvider } = await built('stack/passphrase.js');
const { SANDBOX_CREDENTIALS, credentialsToEngineEnv } = await built('stack/credentials.js');
const sandbox = sandboxSettings(home);
const secrets = await prepareSecretsProvider({ backendKind: 'file', env, openmcfHome: home, sandbox: true });
const api = spawn(process.execPath, [bin, 'sandbox', 'api'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
const apiUrl = await new Promise((resolve) => api.stdout.setEncoding('utf8').once('data', (d) => resolve(d.split('\n')[0])));
const handEnv = {
  ...env,
  ...secrets.envVars,
  ...credentialsToEngineEnv(SANDBOX_CREDENTIALS),
  SCW_API_URL: apiUrl,
  VAULT_SERVER_URL: apiUrl,
  VAULT_SERVER_TOKEN: secrets.sandboxTransit.token,
  BENCH_SECRETS_PROVIDER: secrets.secretsProvider,
  PATH: `${dirname(plugin)}:${process.env.PATH}`,
  PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
  PULUMI_BACKEND_URL: sandbox.backendUrl,
  GOGC: 'off',
  GOMEMLIMIT: '512MiB',
};

/** CPU seconds of the processes this one has waited for (/proc/self/stat cutime + cstime). */
function childCpuSeconds() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

let lastCpu = 0;
function time(args, childEnv) {
  const cpuBefore = childCpuSeconds();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env: childEnv, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  lastCpu = childCpuSeconds() - cpuBefore;
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
  console.log(`ratio ${(one / base).toFixed(2)}x (target <= 1.0x)`);

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

  const forty = join(home, 'forty');
  mkdirSync(forty);
  for (let i = 0; i < 40; i++) writeFileSync(join(forty, `bench-${i}.yaml`), template.replaceAll('bench-api', `bench-api-${i}`));
  time(openmcfPreview(forty), env);
  const wall = time(openmcfPreview(forty), env);
  console.log(
    `openmcf preview --sandbox (40 manifests) ${(wall / 1000).toFixed(1)} s wall, ${lastCpu.toFixed(1)} s CPU: ${(wall / 40).toFixed(0)} ms wall and ${((lastCpu / 40) * 1000).toFixed(0)} ms CPU per stack`,
  );
} finally {
  api.kill('SIGINT');
  rmSync(home, { recursive: true, force: true });
}
