// The checks `openmcf doctor` runs, one function each. A check never throws: it reports what it
// found and, when something is missing, what to do about it.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { OpenmcfError } from '../core/errors.js';
import { resolvePulumiCli } from '../engine/pulumi-cli.js';
import { installedPluginPath, resolveScalewayPlugin } from '../engine/provider-plugin.js';
import { decideRunEnvironment } from '../stack/run-environment.js';
import { listBackendStacks } from '../engine/backend-stacks.js';
import { loadCredentials } from '../stack/credentials.js';
import { PULUMI_ENGINE_VERSION } from '../core/version.js';
import { maskError, SecretValues } from '../core/secrets.js';
import type { DoctorCheck } from '../render/doctor-report.js';

export type { DoctorCheck };
export type CheckName = DoctorCheck['name'];

export interface DoctorOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly sandbox: boolean;
  readonly backend?: string;
  readonly providerConfig?: string;
  readonly cwd: string;
}

const MINIMUM_NODE = [20, 18] as const;

export function checkNode(): DoctorCheck {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1]);
  return {
    name: 'node',
    ok,
    summary: `Node.js ${process.version} at ${process.execPath}`,
    ...(ok ? {} : { fix: `openmcf needs Node.js ${MINIMUM_NODE.join('.')} or later` }),
  };
}

export async function checkEngine(options: DoctorOptions): Promise<DoctorCheck> {
  try {
    const cli = await resolvePulumiCli({ env: options.env, install: false });
    // Run it once: a cached binary is trusted by the resolver, doctor makes sure it works.
    const reported = execFileSync(cli.path, ['version'], { env: { ...options.env, PULUMI_SKIP_UPDATE_CHECK: 'true' }, encoding: 'utf8', timeout: 30_000 }).trim();
    const pinned = cli.version === PULUMI_ENGINE_VERSION ? '' : ` (openmcf pins v${PULUMI_ENGINE_VERSION}; this one is also supported)`;
    return { name: 'engine', ok: true, summary: `pulumi ${reported} at ${cli.path} (${SOURCE_TEXT[cli.source]})${pinned}` };
  } catch (error) {
    return failed('engine', error, 'run `openmcf engine install`, or set OPENMCF_PULUMI_CLI to a pulumi binary');
  }
}

const SOURCE_TEXT = {
  setting: 'from OPENMCF_PULUMI_CLI',
  path: 'found on PATH',
  cache: "openmcf's cache",
  downloaded: 'downloaded',
  built: 'built from Go modules',
} as const;

const PLUGIN_SOURCE_TEXT = {
  setting: 'from OPENMCF_SCALEWAY_PLUGIN',
  installed: 'installed for the engine',
  cache: "openmcf's build, from its cache",
  built: 'built from Go modules',
} as const;

/** The real provider, in sandbox runs too (only the API behind it is simulated there). */
export async function checkPlugin(options: DoctorOptions): Promise<DoctorCheck> {
  try {
    const plugin = await resolveScalewayPlugin({ env: options.env, install: false });
    return { name: 'plugin', ok: true, summary: `scaleway v${plugin.version} at ${plugin.path} (${PLUGIN_SOURCE_TEXT[plugin.source]})` };
  } catch (error) {
    const others = otherVersions(dirname(dirname(installedPluginPath(options.env))));
    const failure = failed('plugin', error, 'run `openmcf engine install`');
    return others.length > 0 ? { ...failure, summary: `${failure.summary} (found other versions: ${others.join(', ')})` } : failure;
  }
}

export async function checkBackend(options: DoctorOptions): Promise<DoctorCheck> {
  // The backend's credentials, masked in what the check reports (an engine error quoting them).
  let secrets = SecretValues.none;
  try {
    const { backend } = await decideRunEnvironment(options);
    secrets = backend.secrets;
    const summary = `${backend.url} (${backend.kind} backend; ${backend.origin})`;
    if (backend.source === 'default' && isCi(options.env)) {
      // A CI runner's folder goes with the runner: the next run would find no state, and create
      // everything again next to what exists (409s) or lose track of it.
      return {
        name: 'backend',
        ok: false,
        summary: `${summary}: CI is set and no backend is configured, so the state would go to a folder of this runner and be lost with it`,
        fix: 'set PULUMI_BACKEND_URL (s3://..., postgres://..., https://api.pulumi.com) or pass --backend <url>',
      };
    }
    return { name: 'backend', ok: true, summary: `${summary}; ${await backendAnswers(backend.url, { ...options, env: { ...options.env, ...backend.engineEnv } })}` };
  } catch (error) {
    return failed('backend', maskError(error, secrets), 'pass --backend file:///some/folder or set PULUMI_BACKEND_URL');
  }
}

/** `CI=true` (GitHub Actions, GitLab, most CI systems set it); `false` and `0` do not count. */
function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== 'false' && value !== '0';
}

/** The backend is read once through the engine (its stacks listed), within the time limit; throws when it does not answer. */
async function backendAnswers(backendUrl: string, options: DoctorOptions): Promise<string> {
  let cli: string;
  try {
    cli = (await resolvePulumiCli({ env: options.env, install: false })).path;
  } catch {
    return 'not read: no engine to read it with (see the engine line)';
  }
  const timeoutMs = backendTimeoutMs(options.env);
  const stacks = await listBackendStacks({ cli, backendUrl, env: options.env, timeoutMs });
  return `answers (${stacks.length} stack${stacks.length === 1 ? '' : 's'})`;
}

/** OPENMCF_DOCTOR_TIMEOUT (seconds) bounds the backend read; default 20. */
function backendTimeoutMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.OPENMCF_DOCTOR_TIMEOUT ?? '');
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 20_000;
}

export async function checkCredentials(options: DoctorOptions): Promise<DoctorCheck> {
  try {
    const credentials = await loadCredentials({
      ...(options.providerConfig !== undefined ? { providerConfigPath: options.providerConfig } : {}),
      env: options.env,
      sandbox: options.sandbox,
      cwd: options.cwd,
    });
    const project = credentials.projectId ? `, project ${credentials.projectId}` : '';
    return { name: 'credentials', ok: true, summary: `${credentials.origin}${project}` };
  } catch (error) {
    return failed('credentials', error, 'set SCW_ACCESS_KEY and SCW_SECRET_KEY, or pass -p/--provider-config <file>');
  }
}

function failed(name: CheckName, error: unknown, fallbackFix: string): DoctorCheck {
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof OpenmcfError ? error.hint : undefined;
  return { name, ok: false, summary: message, fix: hint ?? fallbackFix };
}

function otherVersions(pluginsDir: string): string[] {
  try {
    return readdirSync(pluginsDir)
      .filter((entry) => /^resource-scaleway-v/.test(entry) && !entry.endsWith('.lock') && !entry.endsWith('.partial'))
      .map((entry) => entry.slice('resource-scaleway-'.length));
  } catch {
    return [];
  }
}

/** Whether a host name resolves within two seconds (no connection is made). */
