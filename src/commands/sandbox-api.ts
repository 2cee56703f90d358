// `openmcf sandbox api`: the sandbox's local API in the foreground, for other tools.
import { invalidInput, ExitCode } from '../core/errors.js';
import { openmcfHome } from '../core/openmcf-home.js';
import type { Io } from '../core/io.js';
import { sandboxFaults, sandboxOrganization, sandboxSettings, sandboxStackNames, sandboxTransitions } from '../stack/sandbox-environment.js';
import { prepareSecretsProvider } from '../stack/passphrase.js';
import { startLocalApi } from '../sandbox/server.js';

export interface SandboxApiOptions {
  /** `--port`; 0 picks a free one. */
  readonly port: number;
  /** `--transitions <mode>`, beating OPENMCF_SANDBOX_TRANSITIONS (see sandboxTransitions). */
  readonly transitions?: string;
}

export async function sandboxApi(options: SandboxApiOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { port } = options;
  const home = openmcfHome(env);
  const settings = sandboxSettings(home);
  const faults = sandboxFaults(env);
  const organizationId = sandboxOrganization(env);
  const transitionMs = sandboxTransitions(env, options.transitions);
  // The transit key of the sandbox state's secrets (sandbox/secrets-key.ts), so that engines
  // pointed here (VAULT_SERVER_URL) open sandbox stacks as a sandbox run does.
  const { sandboxTransit, secrets } = await prepareSecretsProvider({
    backendKind: 'file',
    env,
    openmcfHome: home,
    sandbox: true,
    existingStacks: { names: sandboxStackNames(settings), backend: settings.backendUrl },
  });
  io.redactor.add(secrets);
  let api;
  try {
    api = await startLocalApi({
      storeDir: settings.storeDir,
      port,
      transitionMs,
      faults,
      ...(organizationId !== undefined ? { organizationId } : {}),
      ...(sandboxTransit ? { transit: sandboxTransit } : {}),
      onRequest: (line) => io.err(`${line.method} ${line.path} ${line.status}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw invalidInput(`port ${port} on 127.0.0.1 is already in use`, 'flag.port', 'pick another --port, or leave it out for a free one');
    throw error;
  }
  io.out(`${api.url}\n`);
  const transitions = transitionMs === 0 ? 'instant transitions' : `transitions last ${transitionMs} ms`;
  io.err(`sandbox API on ${api.url} (store: ${settings.storeDir}; ${transitions}); Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await api.close();
  return ExitCode.ok;
}
