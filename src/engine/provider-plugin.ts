// The one place that finds the `scaleway` resource plugin (v1.54.0, what @pulumiverse/scaleway asks
// for), in this order:
//   1. an explicit setting: OPENMCF_SCALEWAY_PLUGIN (a path to a pulumi-resource-scaleway binary);
//   2. the installed plugin the engine itself would use: $PULUMI_HOME/plugins/resource-scaleway-v1.54.0/
//      (what `pulumi plugin install` or the engine's automatic download puts there);
//   3. openmcf's cache: $OPENMCF_HOME/provider/scaleway-v1.54.0-<source hash>/ (a build of ours);
//   4. when allowed to: a build of the Terraform provider, bridged, from Go modules (provider/build.sh):
//      minutes when cold, into that cache.
// openmcf starts the plugin once per run and every engine of the run attaches to it (see
// shared-provider.ts), so the engine never has to look for it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { SCALEWAY_PLUGIN_VERSION } from '../core/version.js';
import { runBuildScript } from './fetch-engine.js';
import { findOnPath, isExecutable } from '../core/executables.js';
import { openmcfHome } from '../core/openmcf-home.js';

export type PluginSource = 'setting' | 'installed' | 'cache' | 'built';

export interface ResolvedPlugin {
  readonly path: string;
  readonly version: string;
  readonly source: PluginSource;
}

export interface ResolvePluginOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Build it when none is found (default true). */
  readonly install?: boolean;
  readonly onProgress?: (line: string) => void;
}

/** provider/ in the installed package (dist/src/engine/ -> package root). */
export const PROVIDER_SOURCE_DIR = fileURLToPath(new URL('../../../provider/', import.meta.url));
const BINARY = 'pulumi-resource-scaleway';

/** Where the engine keeps an installed plugin of this version. */
export function installedPluginPath(env: NodeJS.ProcessEnv): string {
  const pulumiHome = env.PULUMI_HOME && env.PULUMI_HOME !== '' ? env.PULUMI_HOME : join(env.HOME || homedir(), '.pulumi');
  return join(pulumiHome, 'plugins', `resource-scaleway-v${SCALEWAY_PLUGIN_VERSION}`, BINARY);
}

/** Where provider/build.sh puts its build: keyed by version and by a digest of the wrapper's sources. */
export function cachedPluginPath(home: string, sourceDir: string = PROVIDER_SOURCE_DIR): string {
  return join(home, 'provider', `scaleway-v${SCALEWAY_PLUGIN_VERSION}-${sourceDigest(sourceDir)}`, BINARY);
}

/** sha256 over the Go sources, go.mod and go.sum, sorted by path; the same digest build.sh computes. */
export function sourceDigest(dir: string): string {
  const files = listSources(dir, dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 12);
}

function listSources(root: string, dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return listSources(root, path);
    return entry.endsWith('.go') || entry === 'go.mod' || entry === 'go.sum' ? [`./${relative(root, path)}`] : [];
  });
}

export async function resolveScalewayPlugin(options: ResolvePluginOptions = {}): Promise<ResolvedPlugin> {
  const env = options.env ?? process.env;
  const progress = options.onProgress ?? (() => {});
  const version = SCALEWAY_PLUGIN_VERSION;

  const setting = env.OPENMCF_SCALEWAY_PLUGIN;
  if (setting !== undefined && setting.trim() !== '') {
    const path = resolve(setting);
    if (!isExecutable(path)) {
      throw new OpenmcfError(`the scaleway plugin set by OPENMCF_SCALEWAY_PLUGIN is not an executable file: ${path}`, {
        exitCode: ExitCode.invalidInput,
        code: 'plugin-setting-invalid',
        hint: `Point it at a ${BINARY} binary, or unset it to let openmcf find or build one.`,
      });
    }
    return { path, version, source: 'setting' };
  }

  const installed = installedPluginPath(env);
  if (isExecutable(installed)) return { path: installed, version, source: 'installed' };

  const home = openmcfHome(env);
  const cached = cachedPluginPath(home);
  if (isExecutable(cached)) return { path: cached, version, source: 'cache' };

  if (options.install === false) throw pluginMissing(installed, cached);
  if (findOnPath('go', env) === undefined) {
    throw new OpenmcfError(`the scaleway plugin v${version} is not installed and Go is not there to build it`, {
      exitCode: ExitCode.failed,
      code: 'plugin-unavailable',
      hint: `Install it with \`pulumi plugin install resource scaleway ${version}\` (needs github.com), or install Go and rerun: openmcf builds it from Go modules.`,
    });
  }
  progress(`scaleway plugin v${version} not found (looked at ${installed} and ${cached})`);
  progress(`building it from Go modules: the Terraform provider, bridged (5-15 minutes when cold; cached afterwards)`);
  try {
    await runBuildScript(join(PROVIDER_SOURCE_DIR, 'build.sh'), home, env, (line) => progress(`  ${line}`));
  } catch (error) {
    throw new OpenmcfError(`building the scaleway plugin v${version} from Go modules failed: ${(error as Error).message}`, {
      exitCode: ExitCode.failed,
      code: 'plugin-build-failed',
      hint: `Check that the Go module proxy is reachable (go env GOPROXY), then run \`sh ${join(PROVIDER_SOURCE_DIR, 'build.sh')}\` to see the full output.`,
      cause: error,
    });
  }
  if (!isExecutable(cached)) throw new OpenmcfError(`the Go build finished but ${cached} is missing`, { exitCode: ExitCode.failed, code: 'plugin-build-failed' });
  return { path: cached, version, source: 'built' };
}

function pluginMissing(installed: string, cached: string): OpenmcfError {
  return new OpenmcfError(`the scaleway plugin v${SCALEWAY_PLUGIN_VERSION} is not installed (looked at OPENMCF_SCALEWAY_PLUGIN, ${installed} and ${cached})`, {
    exitCode: ExitCode.failed,
    code: 'plugin-missing',
    hint: 'Run `openmcf engine install` (builds it from Go modules where it cannot be downloaded), or set OPENMCF_SCALEWAY_PLUGIN.',
  });
}
