// What a sandbox run changes: a local file backend under $OPENMCF_HOME/sandbox/state (never a real
// stack, unless --backend names one), and the simulated Scaleway API (src/sandbox/), started
// for the run, that the real provider reaches through SCW_API_URL. The engine, the provider and
// every request they make are the real ones; only Scaleway's side is simulated.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { invalidInput } from '../core/errors.js';
import { ensureFolder } from '../core/folders.js';
import { SANDBOX_CREDENTIALS } from './credentials.js';
import { fileStateStacks } from './file-state-stacks.js';
import { FAULTS_ENV, parseFaults, type FaultRule } from '../sandbox/faults.js';
import type { LocalApi } from '../sandbox/server.js';
import { transitEngineEnv, type TransitKey } from '../sandbox/secrets-key.js';
import { parseTransitions, TRANSITIONS_ENV } from '../sandbox/transitions.js';

/** Said after every sandbox run, so nobody mistakes it for a deployment. */
export const SANDBOX_NOTICE = 'sandbox: nothing real was deployed; resources exist only in the simulated Scaleway cloud under';

export interface SandboxSettings {
  /** `file://<home>/sandbox/state`: the sandbox's own Pulumi state. */
  readonly backendUrl: string;
  /** The simulated cloud (see sandbox/store.ts `readCloud`). */
  readonly storeDir: string;
  /** The folder of that backend. */
  readonly stateDir: string;
}

export function sandboxSettings(home: string): SandboxSettings {
  const root = join(home, 'sandbox');
  const stateDir = join(root, 'state');
  const storeDir = join(root, 'api');
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  mkdirSync(storeDir, { recursive: true, mode: 0o700 });
  // Pulumi strips `file://` textually: no percent-encoding, or a home with spaces would break.
  return { backendUrl: `file://${stateDir}`, storeDir, stateDir };
}

/** The sandbox's folders under the home, for a run; one of them being a file is said as such. */
export function sandboxFolders(home: string): SandboxSettings {
  for (const folder of [join(home, 'sandbox', 'state'), join(home, 'sandbox', 'api')]) ensureFolder(folder, 'the sandbox folder');
  return sandboxSettings(home);
}

/** The stacks the sandbox's own state holds, as `<project>/<stack>` (what its passphrase protects). */
export function sandboxStackNames(settings: SandboxSettings): string[] {
  return fileStateStacks(settings.stateDir).map(({ project, stack }) => `${project}/${stack}`);
}

export interface RunningSandbox {
  readonly api: LocalApi;
  /** Merge into the provider's and the engines' environment. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * The rules of OPENMCF_SANDBOX_FAULTS, for the local API; a rule that does not parse is invalid
 * input, said before anything starts.
 */
export function sandboxFaults(env: NodeJS.ProcessEnv): FaultRule[] {
  const text = env[FAULTS_ENV];
  try {
    return parseFaults(text);
  } catch (error) {
    throw invalidInput(
      error instanceof Error ? error.message : String(error),
      'sandbox.faults',
      `rules are <operation>:<Resource>=<effect>[*<count>], comma-separated, e.g. ${FAULTS_ENV}=create:Container=409*1 (see "The sandbox" in the README); or unset it`,
    );
  }
}

/**
 * How long transitions last, from `--transitions` (`openmcf sandbox api`) or else
 * OPENMCF_SANDBOX_TRANSITIONS (see transitions.ts); a mode that does not parse is invalid input.
 */
export function sandboxTransitions(env: NodeJS.ProcessEnv, flag?: string): number {
  try {
    return parseTransitions(flag ?? env[TRANSITIONS_ENV]);
  } catch (error) {
    const source = flag !== undefined ? '--transitions' : TRANSITIONS_ENV;
    throw invalidInput(
      `${source}: ${(error as Error).message}`,
      'sandbox.transitions',
      flag !== undefined ? 'e.g. --transitions realistic:2000' : `e.g. ${TRANSITIONS_ENV}=realistic; or unset it`,
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * SCW_DEFAULT_ORGANIZATION_ID for `openmcf sandbox api`: the organization of the credentials its
 * clients use, which owns what they create (undefined: each namespace's project). Checked as the
 * credentials are: a malformed one is invalid input.
 */
export function sandboxOrganization(env: NodeJS.ProcessEnv): string | undefined {
  const text = env.SCW_DEFAULT_ORGANIZATION_ID?.trim();
  if (text === undefined || text === '') return undefined;
  if (!UUID.test(text)) {
    throw invalidInput(
      `SCW_DEFAULT_ORGANIZATION_ID ${JSON.stringify(text)} is not a UUID`,
      'sandbox.organization',
      'give the organization id of the credentials your clients use (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), or unset it',
    );
  }
  return text.toLowerCase();
}

/**
 * Starts the local API for one run, with the run's fault rules (by default those of
 * OPENMCF_SANDBOX_FAULTS in `env`; a run passes the ones its environment parsed) and
 * OPENMCF_SANDBOX_TRANSITIONS. With the sandbox's transit key it also serves the secrets provider
 * of the sandbox state (secrets-key.ts).
 */
export async function startSandbox(
  settings: SandboxSettings,
  env: NodeJS.ProcessEnv,
  transit?: TransitKey,
  faults: readonly FaultRule[] = sandboxFaults(env),
): Promise<RunningSandbox> {
  const transitionMs = sandboxTransitions(env);
  // Loaded here, not at import: commands that only pick the sandbox's backend (outputs, doctor)
  // never start the API.
  const { startLocalApi } = await import('../sandbox/server.js');
  const api = await startLocalApi({
    storeDir: settings.storeDir,
    // The run's provider holds the sandbox's credentials: what it creates belongs to their organization.
    organizationId: SANDBOX_CREDENTIALS.organizationId!,
    transitionMs,
    faults,
    ...(transit ? { transit } : {}),
  });
  return {
    api,
    env: {
      // The environment beats the provider's `scaleway:apiUrl` config (and any profile).
      SCW_API_URL: api.url,
      ...(transit ? transitEngineEnv(api.url, transit) : {}),
      // The engine is a short-lived Go process with a small heap here: collecting garbage costs it
      // more CPU than the memory it frees is worth. The limit brings the collector back should a
      // run ever grow.
      GOGC: 'off',
      GOMEMLIMIT: '512MiB',
    },
  };
}
