// One manifest's stack, opened through the Automation API: a LocalWorkspace in a private temporary
// folder (the SDK would otherwise leave one behind in /tmp per run), with the project and backend
// from the stack target and the engine environment (credentials, passphrase, sandbox) set on the
// CLI process only, never on ours. No credential is written: the backend URL the workspace files
// hold has none (a PostgreSQL password reaches the engine as PGPASSWORD, see stack/backend.ts).
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { makeWorkspaceFolder } from './private-temp.js';
import type { PulumiCommand, PulumiFn, Stack } from '@pulumi/pulumi/automation/index.js';
import { stackExistsInState } from './stack-existence.js';
import type { StackTarget } from '../stack/target-types.js';

export interface OpenStackOptions {
  readonly target: StackTarget;
  readonly program: PulumiFn;
  /** The CLI to run (see EngineProcesses.wrap for interruption control). */
  readonly pulumiCommand: PulumiCommand;
  /** Set on the engine process over the inherited environment. */
  readonly envVars: Readonly<Record<string, string>>;
  /** For new stacks; undefined keeps the backend's default. */
  readonly secretsProvider?: string;
  /** `create`: create the stack when missing (apply, preview); `select`: it must exist. */
  readonly mode: 'create' | 'select';
}

export interface OpenedStack {
  readonly stack: Stack;
  /** This open created the stack (it did not exist before); on a remote backend it becomes true
   * once createWhenMissing has created it. */
  readonly created: boolean;
  /** Removes the stack from the backend; refused by the engine when it holds resources. */
  remove(): Promise<void>;
  /** Set when the stack was named without asking the engine whether it exists (a remote backend,
   * mode `create`): creates it, for the first operation that finds it missing to try again. */
  readonly createWhenMissing?: () => Promise<void>;
  /** Removes the temporary workspace folder. */
  dispose(): Promise<void>;
}

/** True for the Automation API's "no stack named ..." error. */
export function isStackNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'StackNotFoundError';
}

/** True when an operation failed because its stack does not exist (the engine's own words). */
export function isMissingStackFailure(error: unknown): boolean {
  if (isStackNotFound(error)) return true;
  const stderr = (error as { commandResult?: { stderr?: unknown } } | undefined)?.commandResult?.stderr;
  return typeof stderr === 'string' && /no stack named '[^']*' found/.test(stderr);
}

export async function openStack(options: OpenStackOptions): Promise<OpenedStack> {
  const { LocalWorkspace, Stack } = await import('@pulumi/pulumi/automation/index.js');
  const workDir = await makeWorkspaceFolder();
  const settingsFile = engineWorkspaceFile(workDir, options.target.projectName, { ...process.env, ...options.envVars });
  const dispose = async (): Promise<void> => {
    await Promise.all([rm(workDir, { recursive: true, force: true }), rm(settingsFile, { force: true })]);
  };
  try {
    const workspace = await LocalWorkspace.create({
      workDir,
      program: options.program,
      pulumiCommand: options.pulumiCommand,
      projectSettings: {
        name: options.target.projectName,
        runtime: 'nodejs' as const,
        backend: { url: options.target.backendUrl },
      },
      envVars: {
        PULUMI_SKIP_UPDATE_CHECK: 'true',
        // With the passphrase provider the engine would otherwise derive a key twice per run (1M
        // rounds of PBKDF2, ~0.15 s of CPU each): once for a fresh salt it mints because this
        // temporary workspace has no stack settings file, once for the state's own. Falling back
        // to the state's secrets manager (pulumi/pulumi#16412) derives only the latter, which is
        // the key the state's secrets are encrypted with anyway. The same holds for the sandbox's
        // transit provider, which would otherwise wrap a fresh data key on every run.
        ...(options.secretsProvider !== undefined ? { PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: 'true' } : {}),
        ...options.envVars,
        ...options.target.backendEnv,
        // The backend is also given by variable: PULUMI_BACKEND_URL from the user's shell would
        // otherwise beat the project setting.
        PULUMI_BACKEND_URL: options.target.backendUrl,
      },
      ...(options.secretsProvider ? { secretsProvider: options.secretsProvider } : {}),
    });
    const name = options.target.stackName;
    const known = stackExistsInState(options.target);
    let stack: Stack;
    let created = false;
    const create = async (): Promise<Stack> => {
      try {
        const made = await Stack.create(name, workspace);
        created = true;
        return made;
      } catch (error) {
        // Created by another run meanwhile.
        if (error instanceof Error && error.name === 'StackAlreadyExistsError') return Stack.select(name, workspace);
        throw error;
      }
    };
    if (known === true) {
      // The state folder shows the stack: skip `pulumi stack select` (every command names the
      // stack with --stack, so nothing depends on the selection).
      workspace.selectStack = async () => undefined;
      stack = await Stack.select(name, workspace);
    } else if (known === false && options.mode === 'select') {
      throw Object.assign(new Error(`no stack named '${name}' found`), { name: 'StackNotFoundError' });
    } else if (known === false) {
      stack = await create();
    } else if (options.mode === 'select') {
      stack = await Stack.select(name, workspace);
    } else {
      // A remote backend (S3, PostgreSQL, Pulumi Cloud) in mode `create`, where only the engine
      // can tell. Asking it (`stack select`, then `stack init` for a new stack) costs an engine
      // start per stack, on every run; instead the stack is named without a call (every command
      // passes --stack) and created only when the first operation reports it missing, the rare
      // case in CI.
      workspace.selectStack = async () => undefined;
      const named = await Stack.select(name, workspace);
      return {
        stack: named,
        get created() {
          return created;
        },
        remove: () => workspace.removeStack(name),
        dispose,
        createWhenMissing: () =>
          workspace.createStack(name).then(
            () => {
              created = true;
            },
            (error: unknown) => {
              if (error instanceof Error && error.name === 'StackAlreadyExistsError') return;
              throw error;
            },
          ),
      };
    }
    return { stack, created, remove: () => workspace.removeStack(name), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * The file the engine keeps for this workspace in `$PULUMI_HOME/workspaces` (the stack selected per
 * backend, named after the project and the sha1 of the Pulumi.yaml path, as pkg/workspace does):
 * of no use once the temporary folder is gone, so it is removed with it, not left behind per run.
 */
function engineWorkspaceFile(workDir: string, project: string, env: NodeJS.ProcessEnv): string {
  let folder = workDir;
  try {
    folder = realpathSync(workDir);
  } catch {
    // keep the path as given
  }
  const hash = createHash('sha1').update(join(folder, 'Pulumi.yaml')).digest('hex');
  const home = env.PULUMI_HOME !== undefined && env.PULUMI_HOME !== '' ? env.PULUMI_HOME : join(env.HOME || homedir(), '.pulumi');
  return join(home, 'workspaces', `${project}-${hash}-workspace.json`);
}
