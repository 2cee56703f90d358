// Shared by every test that needs the real Pulumi engine (the `pulumi` CLI):
//
//   engineBinary()      the engine to use: OPENMCF_PULUMI_CLI if set, else the pinned build in
//                       $OPENMCF_HOME (or ~/.openmcf)/engine/v<version>/bin/pulumi. Throws, so the
//                       test FAILS, when it is missing: CI builds it first (sh engine/build.sh).
//   tempHome(t)         a private OPENMCF_HOME and PULUMI_HOME in a temp dir, removed after the test.
//   pluginBinary()      the `scaleway` plugin (the real provider, built by provider/build.sh), likewise.
//
// The binary itself is run by ./run-openmcf.ts, e.g.
//   const home = tempHome(t);
//   const result = runOpenmcf(['doctor', '--sandbox'], inHome(home));
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openmcfHome } from '../../src/core/openmcf-home.js';
import { cachedPluginPath } from '../../src/engine/provider-plugin.js';
import { KUSTOMIZE_VERSION, PULUMI_ENGINE_VERSION } from '../../src/core/version.js';

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
