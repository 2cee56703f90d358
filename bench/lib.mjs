// What the benchmarks share: where the built CLI is, the bench manifest, and a private OPENMCF_HOME
// whose engine and provider plugin are the ones already built in ~/.openmcf (a fresh home would
// download and build them again, and time that instead of openmcf).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = join(root, 'bin', 'openmcf.js');
export const manifest = join(root, 'bench', 'fixtures', 'bench-api.yaml');

/** A module of the build (`dist/src/<path>`), e.g. `engine/provider-plugin.js`. */
export function built(path) {
  return import(join(root, 'dist', 'src', ...path.split('/')));
}

const { cachedPluginPath } = await built('engine/provider-plugin.js');

/** The engine and plugin a benchmark runs: OPENMCF_PULUMI_CLI / OPENMCF_SCALEWAY_PLUGIN, else the built ones. */
export const engine = process.env.OPENMCF_PULUMI_CLI ?? join(homedir(), '.openmcf', 'engine', 'v3.274.1', 'bin', 'pulumi');
export const plugin = process.env.OPENMCF_SCALEWAY_PLUGIN ?? cachedPluginPath(join(homedir(), '.openmcf'));

/** A fresh home under the temporary folder (`openmcf-bench-<name>-…`) and the environment of a run in it, with `extra` merged last. */
export function benchHome(name, extra = {}) {
  const home = mkdtempSync(join(tmpdir(), `openmcf-bench-${name}-`));
  const env = {
    ...process.env,
    OPENMCF_HOME: home,
    PULUMI_HOME: join(home, 'pulumi-home'),
    OPENMCF_PULUMI_CLI: engine,
    OPENMCF_SCALEWAY_PLUGIN: plugin,
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    ...extra,
  };
  mkdirSync(env.PULUMI_HOME, { recursive: true });
  return { home, env };
}
