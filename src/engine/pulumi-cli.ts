// The one place that finds the `pulumi` CLI (the engine the Automation API drives), in this order:
//   1. an explicit setting: the `explicitPath` option (a flag) or OPENMCF_PULUMI_CLI;
//   2. `pulumi` on PATH, when it is recent enough for inline refresh/destroy;
//   3. openmcf's cache: $OPENMCF_HOME/engine/v<pinned>/bin/pulumi;
//   4. when allowed to install: the official binary into that cache (needs get.pulumi.com; skipped
//      with OPENMCF_ENGINE_DOWNLOAD=0), else a build of the pinned version from Go modules into the
//      same place (engine/build.sh).
// The cached case costs two stat calls: its version is in its path, so no `pulumi version` run.
import { join, resolve } from 'node:path';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { PULUMI_ENGINE_VERSION } from '../core/version.js';
import { ensureOpenmcfHome, openmcfHome } from '../core/openmcf-home.js';
import { MINIMUM_ENGINE_VERSION, compareVersions, probeEngineVersion } from './cli-version.js';
import { buildEngineFromGo, downloadEngine } from './fetch-engine.js';
import { findOnPath, isExecutable } from '../core/executables.js';

export type PulumiCliSource = 'setting' | 'path' | 'cache' | 'downloaded' | 'built';

export interface ResolvedPulumiCli {
  /** Absolute path of the `pulumi` binary. */
  readonly path: string;
  /** Installation root when the binary sits at `<root>/bin/pulumi`. */
  readonly root?: string;
  /** Version without the leading `v`, e.g. `3.274.1`. */
  readonly version: string;
  readonly source: PulumiCliSource;
}

export interface ResolvePulumiCliOptions {
  /** A path given by a flag; wins over OPENMCF_PULUMI_CLI. */
  readonly explicitPath?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Download or build the pinned engine when none is found (default true). */
  readonly install?: boolean;
  /** Human progress lines: what is being looked at, downloaded or built. */
  readonly onProgress?: (line: string) => void;
}

/** The install root openmcf uses for the pinned engine: `<home>/engine/v<version>`. */
export function cachedEngineRoot(home: string, version: string = PULUMI_ENGINE_VERSION): string {
  return join(home, 'engine', `v${version}`);
}

export async function resolvePulumiCli(options: ResolvePulumiCliOptions = {}): Promise<ResolvedPulumiCli> {
  const env = options.env ?? process.env;
  const progress = options.onProgress ?? (() => {});
  const home = openmcfHome(env);

  const explicit = options.explicitPath ?? nonEmpty(env.OPENMCF_PULUMI_CLI);
  // Absolute: the engine runs from a temporary workspace folder, not from the user's directory.
  if (explicit !== undefined) return fromSetting(resolve(explicit), home, env);

  const onPath = findOnPath('pulumi', env);
  if (onPath !== undefined) {
    const found = fromPath(onPath, home, env, progress);
    if (found) return found;
  }

  const root = cachedEngineRoot(home);
  const cached = join(root, 'bin', 'pulumi');
  if (isExecutable(cached)) return { path: cached, root, version: PULUMI_ENGINE_VERSION, source: 'cache' };

  if (options.install === false) throw engineMissing(cached);
  return install(root, home, env, progress);
}

function fromSetting(path: string, home: string, env: NodeJS.ProcessEnv): ResolvedPulumiCli {
  if (!isExecutable(path)) {
    throw new OpenmcfError(`the Pulumi CLI set by OPENMCF_PULUMI_CLI (or --pulumi-cli) is not an executable file: ${path}`, {
      exitCode: ExitCode.invalidInput,
      code: 'engine-setting-invalid',
      hint: 'Point it at a `pulumi` binary, or unset it to let openmcf find or build one.',
    });
  }
  const version = probeVersion(path, home, env);
  // A `pulumi` found on PATH below the minimum is skipped; one the user named cannot be, so it is
  // refused rather than run (older engines lack flags and events openmcf relies on).
  if (compareVersions(version, MINIMUM_ENGINE_VERSION) < 0) {
    throw new OpenmcfError(`the Pulumi CLI set by OPENMCF_PULUMI_CLI (or --pulumi-cli) is v${version}, older than the v${MINIMUM_ENGINE_VERSION} openmcf needs: ${path}`, {
      exitCode: ExitCode.invalidInput,
      code: 'engine-too-old',
      hint: `Point it at Pulumi v${MINIMUM_ENGINE_VERSION} or later, or unset it to use the pinned v${PULUMI_ENGINE_VERSION} (\`openmcf engine install\`).`,
    });
  }
  return withRoot({ path, version, source: 'setting' });
}

function fromPath(path: string, home: string, env: NodeJS.ProcessEnv, progress: (line: string) => void): ResolvedPulumiCli | undefined {
  let version: string;
  try {
    version = probeEngineVersion(path, home, env);
  } catch (error) {
    progress(`ignoring ${path}: \`pulumi version\` failed (${(error as Error).message.split('\n')[0]})`);
    return undefined;
  }
  if (compareVersions(version, MINIMUM_ENGINE_VERSION) < 0) {
    progress(`ignoring pulumi v${version} at ${path}: openmcf needs v${MINIMUM_ENGINE_VERSION} or later`);
    return undefined;
  }
  return withRoot({ path, version, source: 'path' });
}

async function install(root: string, home: string, env: NodeJS.ProcessEnv, progress: (line: string) => void): Promise<ResolvedPulumiCli> {
  ensureOpenmcfHome(env); // the engine goes under it: a home that is a file is said before any download
  const path = join(root, 'bin', 'pulumi');
  const version = PULUMI_ENGINE_VERSION;
  progress(`pulumi CLI not found (looked at OPENMCF_PULUMI_CLI, PATH and ${path})`);

  if (env.OPENMCF_ENGINE_DOWNLOAD === '0') {
    progress('not downloading it (OPENMCF_ENGINE_DOWNLOAD=0)');
  } else {
    progress(`downloading pulumi v${version} from get.pulumi.com into ${root} ...`);
    try {
      await downloadEngine(root, version);
      if (isExecutable(path)) {
        progress(`pulumi v${version} installed at ${path}`);
        return { path, root, version, source: 'downloaded' };
      }
    } catch (error) {
      progress(`download failed: ${firstLine(error)}`);
    }
  }

  if (findOnPath('go', env) === undefined) {
    throw new OpenmcfError(`cannot get the Pulumi CLI v${version}: the download failed and Go is not installed to build it`, {
      exitCode: ExitCode.failed,
      code: 'engine-unavailable',
      hint: 'Install the Pulumi CLI (https://www.pulumi.com/docs/install/) and put it on PATH or in OPENMCF_PULUMI_CLI, or install Go and rerun.',
    });
  }
  progress(`building pulumi v${version} from Go modules instead (minutes when cold; cached afterwards)`);
  try {
    await buildEngineFromGo(home, env, (line) => progress(`  ${line}`));
  } catch (error) {
    throw new OpenmcfError(`building the Pulumi CLI v${version} from Go modules failed: ${firstLine(error)}`, {
      exitCode: ExitCode.failed,
      code: 'engine-build-failed',
      hint: 'Check that the Go module proxy is reachable (go env GOPROXY), then run `sh engine/build.sh` to see the full output.',
      cause: error,
    });
  }
  if (!isExecutable(path)) {
    throw new OpenmcfError(`the Go build finished but ${path} is missing`, { exitCode: ExitCode.failed, code: 'engine-build-failed' });
  }
  return { path, root, version, source: 'built' };
}

/**
 * A PulumiCommand for LocalWorkspace's `pulumiCommand` option. Built directly instead of through
 * `PulumiCommand.get`, which would run `pulumi version` again and only accepts `<root>/bin/pulumi`
 * or a bare `pulumi` on PATH (an OPENMCF_PULUMI_CLI path may be neither).
 */
export async function pulumiCommandFor(resolved: ResolvedPulumiCli): Promise<import('@pulumi/pulumi/automation/index.js').PulumiCommand> {
  const { PulumiCommand } = await import('@pulumi/pulumi/automation/index.js');
  const { loadSdkSemver } = await import('./fetch-engine.js');
  const semver = await loadSdkSemver();
  // The constructor is private in the .d.ts only; it stores the two fields `run` reads.
  const construct = PulumiCommand as unknown as new (command: string, version: unknown) => import('@pulumi/pulumi/automation/index.js').PulumiCommand;
  return new construct(resolved.path, new semver.SemVer(resolved.version));
}

function withRoot(found: { path: string; version: string; source: PulumiCliSource }): ResolvedPulumiCli {
  const suffix = join('bin', 'pulumi');
  return found.path.endsWith(`/${suffix}`) ? { ...found, root: found.path.slice(0, -suffix.length - 1) } : found;
}

function probeVersion(path: string, home: string, env: NodeJS.ProcessEnv): string {
  try {
    return probeEngineVersion(path, home, env);
  } catch (error) {
    throw new OpenmcfError(`\`${path} version\` failed: ${firstLine(error)}`, {
      exitCode: ExitCode.failed,
      code: 'engine-broken',
      hint: 'Check that this is a working Pulumi CLI, or unset OPENMCF_PULUMI_CLI.',
      cause: error,
    });
  }
}

function engineMissing(cached: string): OpenmcfError {
  return new OpenmcfError(`the Pulumi CLI v${PULUMI_ENGINE_VERSION} is not installed (looked at OPENMCF_PULUMI_CLI, PATH and ${cached})`, {
    exitCode: ExitCode.failed,
    code: 'engine-missing',
    hint: 'Run `openmcf engine install` (downloads it, or builds it from Go modules in a few minutes), or set OPENMCF_PULUMI_CLI.',
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? message
  );
}
