// Shared by every test that needs the real Pulumi engine (the `pulumi` CLI):
//
//   engineBinary()      the engine to use: OPENMCF_PULUMI_CLI if set, else the pinned build in
//                       $OPENMCF_HOME (or ~/.openmcf)/engine/v<version>/bin/pulumi. Throws, so the
//                       test FAILS, when it is missing: CI builds it first (sh engine/build.sh).
//   tempHome(t)         a private OPENMCF_HOME and PULUMI_HOME in a temp dir, removed after the test.
//   pluginBinary()      the `scaleway` plugin (the real provider, built by provider/build.sh), likewise.
//   cliEnv(home)        the environment for spawning `bin/openmcf.js` against that home: the engine
//                       and plugin pinned through OPENMCF_PULUMI_CLI and OPENMCF_SCALEWAY_PLUGIN,
//                       no update checks, a test passphrase.
//   runCli(args, env)   spawns `node bin/openmcf.js ...args` and returns { code, stdout, stderr }.
//
// Example:
//   const home = tempHome(t);
//   const result = runCli(['doctor', '--sandbox'], cliEnv(home));
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openmcfHome } from '../../src/core/openmcf-home.js';
import { cachedPluginPath } from '../../src/engine/provider-plugin.js';
import { KUSTOMIZE_VERSION, PULUMI_ENGINE_VERSION } from '../../src/core/version.js';

/** The repository root (dist/test/helpers -> ../../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const OPENMCF_BIN = join(REPO_ROOT, 'bin', 'openmcf.js');

export function engineBinary(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.OPENMCF_PULUMI_CLI;
  const path = configured && configured !== '' ? configured : join(openmcfHome(env), 'engine', `v${PULUMI_ENGINE_VERSION}`, 'bin', 'pulumi');
  return existingFile(path, `the Pulumi engine is missing at ${path}: run \`sh engine/build.sh\` (or set OPENMCF_PULUMI_CLI) before the engine-backed tests`);
}

/**
 * The `scaleway` plugin to use: OPENMCF_SCALEWAY_PLUGIN if set, else openmcf's build in
 * $OPENMCF_HOME (or ~/.openmcf). Throws, so the test FAILS, when it is missing: CI builds it
 * first (sh provider/build.sh).
 */
export function pluginBinary(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.OPENMCF_SCALEWAY_PLUGIN;
  const path = configured && configured !== '' ? configured : cachedPluginPath(openmcfHome(env));
  return existingFile(path, `the scaleway plugin is missing at ${path}: run \`sh provider/build.sh\` (or set OPENMCF_SCALEWAY_PLUGIN) before the engine-backed tests`);
}

/**
 * The kustomize the `--kustomize-dir` tests run (through OPENMCF_KUSTOMIZE): OPENMCF_KUSTOMIZE if
 * set, else the pinned build in $OPENMCF_HOME (or ~/.openmcf)/kustomize/v<version>/bin/kustomize.
 * Throws, so the test FAILS, when it is missing: CI builds it first (sh kustomize/build.sh).
 */
export function kustomizeBinary(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.OPENMCF_KUSTOMIZE;
  const path = configured && configured !== '' ? configured : join(openmcfHome(env), 'kustomize', `v${KUSTOMIZE_VERSION}`, 'bin', 'kustomize');
  return existingFile(path, `kustomize is missing at ${path}: run \`sh kustomize/build.sh\` (or set OPENMCF_KUSTOMIZE) before the kustomize tests`);
}

function existingFile(path: string, missing: string): string {
  try {
    if (statSync(path).isFile()) return path;
  } catch {
    /* reported below */
  }
  throw new Error(missing);
}

export interface TempHome {
  /** Use as OPENMCF_HOME. */
  readonly home: string;
  /** Use as PULUMI_HOME: plugins and credentials of the test only. */
  readonly pulumiHome: string;
}

/** A fresh home per test; `t.after` removes it. Pass the node:test context. */
export function tempHome(t: { after: (fn: () => void) => void }, prefix = 'openmcf-test-'): TempHome {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const pulumiHome = join(home, 'pulumi-home');
  mkdirSync(pulumiHome);
  t.after(() => rmSync(home, { recursive: true, force: true }));
  return { home, pulumiHome };
}

/** Environment for the real CLI against a temp home, with the engine pinned. */
export function cliEnv(home: TempHome, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    OPENMCF_HOME: home.home,
    PULUMI_HOME: home.pulumiHome,
    OPENMCF_PULUMI_CLI: engineBinary(),
    OPENMCF_SCALEWAY_PLUGIN: pluginBinary(),
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    PULUMI_CONFIG_PASSPHRASE: 'openmcf-test-passphrase',
    NO_COLOR: '1',
    ...extra,
  };
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, options: { input?: string; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [OPENMCF_BIN, ...args], {
    env,
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 300_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
