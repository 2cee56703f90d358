// A Pulumi stack on the real engine, deploying a small inline program (namespace + container +
// cron, through the real @pulumiverse/scaleway SDK) into the sandbox of a temp OPENMCF_HOME.
// The Automation API, engine, file backend, SDK and `scaleway` plugin (the Terraform provider,
// bridged) are the real ones; only the Scaleway API is simulated, by the local API started here.
// The engine launches the plugin itself (from PATH), as it does when openmcf's shared provider
// cannot start.
import { LocalWorkspace, type Stack } from '@pulumi/pulumi/automation/index.js';
import * as pulumi from '@pulumi/pulumi';
import * as containers from '@pulumiverse/scaleway/containers/index.js';
import { pulumiCommandFor, resolvePulumiCli } from '../../src/engine/pulumi-cli.js';
import { delimiter, dirname } from 'node:path';
import { SANDBOX_CREDENTIALS, credentialsToEngineEnv } from '../../src/stack/credentials.js';
import { sandboxSettings, startSandbox, type RunningSandbox } from '../../src/stack/sandbox-environment.js';
import { engineBinary, pluginBinary, type TempHome } from '../helpers/engine.js';

export interface AppShape {
  readonly name: string;
  readonly region?: string;
  readonly image?: string;
  readonly maxScale?: number;
  readonly env?: Record<string, string>;
  readonly secrets?: Record<string, string>;
  /** Cron args: the program sends canonical JSON, as openmcf's program does. */
  readonly cronArgs?: Record<string, unknown>;
  readonly schedule?: string;
}

/** The program under test: what openmcf's own program declares, reduced to the moving parts. */
export function appProgram(app: AppShape): () => Promise<Record<string, unknown>> {
  return async () => {
    const region = app.region ?? 'fr-par';
    const namespace = new containers.Namespace('namespace', { name: app.name, region });
    const container = new containers.Container(
      'container',
      {
        name: app.name,
        region,
        namespaceId: namespace.id,
        image: app.image ?? 'rg.fr-par.scw.cloud/demo/api:v1',
        privacy: 'public',
        port: 8080,
        maxScale: app.maxScale ?? 3,
        environmentVariables: app.env ?? { LOG_LEVEL: 'info' },
        secretEnvironmentVariables: pulumi.secret(app.secrets ?? { API_KEY: 'sk-sandbox-test-secret-1234' }),
      },
      { replaceOnChanges: ['namespaceId'] },
    );
    const cron = new containers.Cron(
      'cron-nightly',
      {
        name: 'nightly',
        region,
        containerId: container.id,
        schedule: app.schedule ?? '0 2 * * *',
        args: JSON.stringify(app.cronArgs ?? { task: 'report' }),
      },
      { replaceOnChanges: ['containerId'] },
    );
    return {
      namespaceId: namespace.id,
      containerId: container.id,
      cronId: cron.id,
      domainName: container.domainName,
      status: container.status,
      errorMessage: container.errorMessage,
    };
  };
}

export interface SandboxStack {
  readonly stack: Stack;
  readonly storeDir: string;
  readonly backendDir: string;
  /** Swap the program (the next up/preview runs the new shape). */
  setApp(app: AppShape): void;
  /** Set or clear OPENMCF_SANDBOX_FAULTS for the next engine runs (restarts the local API). */
  setFaults(rules: string | undefined): Promise<void>;
  /** Stops the local API. */
  close(): Promise<void>;
}

export async function sandboxStack(home: TempHome, stackName: string, app: AppShape, extraEnv: Record<string, string> = {}): Promise<SandboxStack> {
  const sandbox = sandboxSettings(home.home);
  let running: RunningSandbox = await startSandbox(sandbox, extraEnv);
  const resolved = await resolvePulumiCli({ explicitPath: engineBinary(), env: { ...process.env, OPENMCF_HOME: home.home }, install: false });
  let current = app;
  const program = async () => appProgram(current)();
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName, projectName: 'sandbox-test', program },
    {
      pulumiCommand: await pulumiCommandFor(resolved),
      envVars: {
        ...credentialsToEngineEnv(SANDBOX_CREDENTIALS),
        ...running.env,
        PATH: [dirname(pluginBinary()), process.env.PATH ?? ''].join(delimiter),
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
        PULUMI_HOME: home.pulumiHome,
        PULUMI_SKIP_UPDATE_CHECK: 'true',
        PULUMI_CONFIG_PASSPHRASE: 'sandbox-test',
        ...extraEnv,
      },
      projectSettings: { name: 'sandbox-test', runtime: 'nodejs', backend: { url: sandbox.backendUrl } },
    },
  );
  return {
    stack,
    storeDir: sandbox.storeDir,
    backendDir: sandbox.backendUrl.slice('file://'.length),
    setApp: (next) => {
      current = next;
    },
    setFaults: async (rules) => {
      await running.api.close();
      running = await startSandbox(sandbox, rules === undefined ? {} : { OPENMCF_SANDBOX_FAULTS: rules });
      stack.workspace.envVars.SCW_API_URL = running.api.url;
    },
    close: () => running.api.close(),
  };
}
