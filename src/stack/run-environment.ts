// Where a run happens, decided once before anything reads a stack: the openmcf home, the state
// backend, and, under --sandbox, the simulated cloud (its folders, its fault rules parsed once, and
// whether the state is the sandbox folder's or a backend the user named). Everything after reads
// this value (the stack targets, the credentials, the secrets provider, the local API) instead of
// deciding "sandbox?" again; `doctor` and `stacks` pick their backend through it too.
import { ensureOpenmcfHome } from '../core/openmcf-home.js';
import { keepNewFilesPrivate } from '../core/folders.js';
import type { FaultRule } from '../sandbox/faults.js';
import { chooseBackend } from './backend.js';
import { sandboxFaults, sandboxFolders, type SandboxSettings } from './sandbox-environment.js';
import type { BackendChoice } from './target-types.js';

export interface RunEnvironmentOptions {
  readonly env: NodeJS.ProcessEnv;
  /** `--sandbox`. */
  readonly sandbox: boolean;
  /** `--backend <url>`. */
  readonly backend?: string;
  readonly cwd: string;
}

/** A sandbox run: present on the run environment exactly when the run is one. */
export interface SandboxRun {
  readonly settings: SandboxSettings;
  /** OPENMCF_SANDBOX_FAULTS, parsed once for the run (the local API applies these rules). */
  readonly faults: readonly FaultRule[];
  /** The state is on a backend the user named (`--sandbox --backend`), not the sandbox folder's. */
  readonly onUserBackend: boolean;
}

export interface RunEnvironment {
  readonly home: string;
  readonly backend: BackendChoice;
  readonly sandbox?: SandboxRun;
}

/** Decides the run's environment; wrong fault rules or backend are invalid input, before anything starts. */
export async function decideRunEnvironment(options: RunEnvironmentOptions): Promise<RunEnvironment> {
  keepNewFilesPrivate();
  const home = ensureOpenmcfHome(options.env);
  const faults = options.sandbox ? sandboxFaults(options.env) : [];
  const settings = options.sandbox ? sandboxFolders(home) : undefined;
  const backend = await chooseBackend({
    ...(options.backend !== undefined ? { flag: options.backend } : {}),
    env: options.env,
    openmcfHome: home,
    ...(settings ? { sandboxBackendUrl: settings.backendUrl } : {}),
    cwd: options.cwd,
  });
  return {
    home,
    backend,
    ...(settings ? { sandbox: { settings, faults, onUserBackend: backend.source !== 'sandbox' } } : {}),
  };
}
