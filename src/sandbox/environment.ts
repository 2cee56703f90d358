// Everything an engine run needs to deploy into the sandbox instead of Scaleway, so the runner
// knows nothing of sandbox internals: a local file backend under $OPENMCF_HOME/sandbox/state
// (never a real stack), the simulated cloud's store, and PATH led by bin/sandbox so the engine
// loads the stand-in `scaleway` plugin. Only sandbox runs get this PATH entry.
import { mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_ENV, STORE_ENV } from './environment-names.js';

/** bin/sandbox of the installed package (dist/src/sandbox/ -> package root). */
export const SANDBOX_PLUGIN_DIR = fileURLToPath(new URL('../../../bin/sandbox', import.meta.url));
/** The launcher the engine runs as the ambient `scaleway` plugin. */
export const SANDBOX_PLUGIN = join(SANDBOX_PLUGIN_DIR, 'pulumi-resource-scaleway');
/** The compiled provider it starts. */
export const SANDBOX_PROVIDER_ENTRY = fileURLToPath(new URL('./provider/main.js', import.meta.url));

/** Said after every sandbox run, so nobody mistakes it for a deployment. */
export const SANDBOX_NOTICE = 'sandbox: nothing real was deployed; resources exist only in the simulated Scaleway cloud under';

export interface SandboxSettings {
  /** `file://<home>/sandbox/state`: the sandbox's own Pulumi state. */
  readonly backendUrl: string;
  /** Merge into the engine's environment (LocalWorkspace `envVars`). */
  readonly engineEnv: Record<string, string>;
  /** The simulated cloud (see store.ts `readCloud`). */
  readonly storeDir: string;
}

export function sandboxSettings(home: string, env: NodeJS.ProcessEnv = process.env): SandboxSettings {
  const root = join(home, 'sandbox');
  const stateDir = join(root, 'state');
  const storeDir = join(root, 'cloud');
  mkdirSync(stateDir, { recursive: true });
  mkdirSync(storeDir, { recursive: true });
  // Pulumi strips `file://` textually: no percent-encoding, or a home with spaces would break.
  const backendUrl = `file://${stateDir}`;
  return {
    backendUrl,
    storeDir,
    engineEnv: {
      PATH: [SANDBOX_PLUGIN_DIR, env.PATH ?? ''].filter((p) => p !== '').join(delimiter),
      [STORE_ENV]: storeDir,
      [NODE_ENV]: process.execPath,
      // The state above, whatever the user's own login or PULUMI_BACKEND_URL says.
      PULUMI_BACKEND_URL: backendUrl,
      // The stand-in is on PATH; never try to download the real plugin.
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
      // The engine is a short-lived Go process with a small heap here: collecting garbage costs it
      // more CPU (~0.03 s a run) than the memory it frees is worth. The limit brings the collector
      // back should a run ever grow. Sandbox only: a real run's plugins are Go programs too, with
      // far larger heaps.
      GOGC: 'off',
      GOMEMLIMIT: '512MiB',
      // The sandbox's passphrase (<home>/sandbox/passphrase) is set up with every other secrets
      // provider, in src/target/passphrase.ts.
    },
  };
}
