// One sandbox provider process for a whole sandbox run. Left to itself, every engine (one per
// stack) launches its own `scaleway` plugin, a Node process that spends ~0.25 s of CPU starting
// before it answers a single call; with ten manifests that is most of a core. Instead openmcf
// starts the provider once and every engine attaches to it through PULUMI_DEBUG_PROVIDERS
// (`scaleway:<port>`): the engine then dials that port instead of launching a plugin, and never
// kills it (pkg/resource/plugin/provider_plugin.go, NewProvider). The provider keeps no state
// between calls (the store is a locked file, see store.ts), so engines can share it.
//
// It is started detached (its own process group), so a Ctrl-C at the terminal reaches only
// openmcf, which cancels the engines first; it is stopped when the run ends, when openmcf exits
// in any other way, and it stops itself when its stdin (a pipe from openmcf) closes, which also
// covers openmcf being killed outright. Only sandbox runs call this.
import { spawn, type ChildProcess } from 'node:child_process';
import { SANDBOX_PROVIDER_ENTRY } from './environment.js';
import { SHARED_ENV } from './environment-names.js';

export interface SharedSandboxProvider {
  /** Merge into every engine's environment. */
  readonly engineEnv: Readonly<Record<string, string>>;
  readonly pid: number;
  /** Stops the process (idempotent). */
  stop(): void;
}

/** How long the provider may take to announce its port (a loaded CI machine is slow). */
const START_TIMEOUT_MS = 20_000;

/**
 * Starts the provider with `env` (the environment a plugin launched by the engine would see) and
 * resolves once it listens. Undefined when it could not start: the engines then launch the
 * stand-in plugin themselves, as without this, and report any problem with it.
 */
export async function startSharedSandboxProvider(env: Readonly<Record<string, string | undefined>>): Promise<SharedSandboxProvider | undefined> {
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [SANDBOX_PROVIDER_ENTRY], {
      env: { ...env, [SHARED_ENV]: '1' },
      detached: true,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
  const stop = (): void => {
    process.removeListener('exit', stop);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', stop);

  const port = await new Promise<number | undefined>((resolve) => {
    let text = '';
    const done = (value: number | undefined): void => {
      clearTimeout(timer);
      child.stdout?.removeListener('data', onData);
      child.removeListener('exit', onExit);
      child.removeListener('error', onExit);
      resolve(value);
    };
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf8');
      const line = /^(\d+)\r?\n/.exec(text);
      if (line) done(Number(line[1]));
    };
    const onExit = (): void => done(undefined);
    const timer = setTimeout(() => done(undefined), START_TIMEOUT_MS);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onExit);
  });
  if (port === undefined || child.pid === undefined) {
    stop();
    return undefined;
  }
  // Nothing else is expected on stdout; keep draining it so the provider can never block on it.
  // Neither the pipes nor the process keep openmcf alive.
  child.stdout?.resume();
  for (const stream of [child.stdin, child.stdout]) (stream as { unref?: () => void } | null)?.unref?.();
  child.unref();
  return { engineEnv: { PULUMI_DEBUG_PROVIDERS: `scaleway:${port}` }, pid: child.pid, stop };
}
