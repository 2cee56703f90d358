// The checks `openmcf doctor` runs, one function each. A check never throws: it reports what it
// found and, when something is missing, what to do about it.
import { execFileSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { OpenmcfError } from '../errors.js';
import { findOnPath, isExecutable } from '../engine/engine-install.js';
import { resolvePulumiCli } from '../engine/pulumi-cli.js';
import { SANDBOX_PLUGIN, SANDBOX_PROVIDER_ENTRY } from '../sandbox/environment.js';
import { chooseRunBackend } from './cloud/run-backend.js';
import { loadCredentials } from '../target/credentials.js';
import { PULUMI_ENGINE_VERSION, SCALEWAY_PLUGIN_VERSION } from '../version.js';

export type CheckName = 'node' | 'engine' | 'plugin' | 'backend' | 'credentials';

export interface DoctorCheck {
  readonly name: CheckName;
  readonly ok: boolean;
  /** One line: what was found, or what is missing. */
  readonly summary: string;
  /** What to do, when not ok (or worth knowing when ok). */
  readonly fix?: string;
}

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

export async function checkPlugin(options: DoctorOptions): Promise<DoctorCheck> {
  if (options.sandbox) {
    const ok = isExecutable(SANDBOX_PLUGIN) && existsSync(SANDBOX_PROVIDER_ENTRY);
    return {
      name: 'plugin',
      ok,
      summary: ok ? `scaleway: the sandbox stand-in (simulated cloud) at ${SANDBOX_PLUGIN}` : `the sandbox plugin is missing (${SANDBOX_PLUGIN}, ${SANDBOX_PROVIDER_ENTRY})`,
      ...(ok ? {} : { fix: 'build openmcf (npm run build): the stand-in runs the compiled provider' }),
    };
  }

  const ambient = findOnPath('pulumi-resource-scaleway', options.env);
  if (ambient === SANDBOX_PLUGIN) {
    return { name: 'plugin', ok: false, summary: `the sandbox stand-in is on PATH (${ambient}); it only runs in sandbox mode`, fix: 'remove bin/sandbox from PATH' };
  }
  if (ambient !== undefined) return { name: 'plugin', ok: true, summary: `scaleway: ${ambient} (on PATH, used whatever its version)` };

  const pluginsDir = join(options.env.PULUMI_HOME || join(options.env.HOME || homedir(), '.pulumi'), 'plugins');
  const installed = join(pluginsDir, `resource-scaleway-v${SCALEWAY_PLUGIN_VERSION}`, 'pulumi-resource-scaleway');
  if (isExecutable(installed)) return { name: 'plugin', ok: true, summary: `scaleway v${SCALEWAY_PLUGIN_VERSION} at ${installed}` };

  const others = otherVersions(pluginsDir);
  const install = `pulumi plugin install resource scaleway ${SCALEWAY_PLUGIN_VERSION} --server github://api.github.com/pulumiverse`;
  if (options.env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION !== 'true' && (await reachable('api.github.com'))) {
    return {
      name: 'plugin',
      ok: true,
      summary: `scaleway v${SCALEWAY_PLUGIN_VERSION} is not installed yet; the engine downloads it on first use (github.com is reachable)`,
      fix: `to install it now: ${install}`,
    };
  }
  return {
    name: 'plugin',
    ok: false,
    summary: `scaleway v${SCALEWAY_PLUGIN_VERSION} is not installed in ${pluginsDir}${others.length > 0 ? ` (found ${others.join(', ')})` : ''}, and github.com cannot be reached to download it`,
    fix: `on a machine with access to github.com: ${install}; or use --sandbox, which needs no plugin download`,
  };
}

export async function checkBackend(options: DoctorOptions): Promise<DoctorCheck> {
  try {
    const { backend } = await chooseRunBackend(options);
    return { name: 'backend', ok: true, summary: `${backend.url} (${backend.kind} backend; ${backend.origin})` };
  } catch (error) {
    return failed('backend', error, 'pass --backend file:///some/folder or set PULUMI_BACKEND_URL');
  }
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
    return readdirSync(pluginsDir).filter((entry) => /^resource-scaleway-v/.test(entry) && !entry.endsWith('.lock') && !entry.endsWith('.partial')).map((entry) => entry.slice('resource-scaleway-'.length));
  } catch {
    return [];
  }
}

/** Whether a host name resolves within two seconds (no connection is made). */
async function reachable(host: string): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
  return Promise.race([lookup(host).then(() => true, () => false), timeout]);
}
