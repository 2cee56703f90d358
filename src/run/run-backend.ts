// The backend of a run, with the sandbox's own settings when --sandbox is given: one place for
// the cloud commands and `doctor`, so both always pick the same backend.
import { join } from 'node:path';
import { ensureOpenmcfHome } from '../core/openmcf-home.js';
import { ensureFolder, keepNewFilesPrivate } from '../core/folders.js';
import { sandboxFaults, sandboxSettings, type SandboxSettings } from '../stack/sandbox-environment.js';
import { chooseBackend } from '../stack/backend.js';
import type { BackendChoice } from '../stack/target-types.js';

export interface RunBackendOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly sandbox: boolean;
  /** `--backend <url>`. */
  readonly backend?: string;
  readonly cwd: string;
}

export async function chooseRunBackend(options: RunBackendOptions): Promise<{ home: string; backend: BackendChoice; sandbox?: SandboxSettings }> {
  keepNewFilesPrivate();
  const home = ensureOpenmcfHome(options.env);
  if (options.sandbox) sandboxFaults(options.env);
  const sandbox = options.sandbox ? sandboxFolders(home) : undefined;
  const backend = await chooseBackend({
    ...(options.backend !== undefined ? { flag: options.backend } : {}),
    env: options.env,
    openmcfHome: home,
    sandbox: options.sandbox,
    ...(sandbox ? { sandboxBackendUrl: sandbox.backendUrl } : {}),
    cwd: options.cwd,
  });
  return { home, backend, ...(sandbox ? { sandbox } : {}) };
}

/** The sandbox's folders under the home; one of them being a file is said as such. */
function sandboxFolders(home: string): SandboxSettings {
  for (const folder of [join(home, 'sandbox', 'state'), join(home, 'sandbox', 'api')]) ensureFolder(folder, 'the sandbox folder');
  return sandboxSettings(home);
}
