// Everything a cloud command checks before the engine starts, in the order a user fixes things:
// manifests, flags, backend, stack names, credentials, secrets provider, then the engine itself.
// Any problem up to the engine is invalid input (exit 3) and nothing has been touched.
import type { PulumiCommand, PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { delimiter, dirname } from 'node:path';
import type { LoadedManifest } from '../validation/load-manifests.js';
import type { Io } from '../core/io.js';
import type { ShardReport } from '../manifest/shard.js';
import { pulumiCommandFor, resolvePulumiCli } from '../engine/pulumi-cli.js';
import { EngineProcesses } from '../engine/engine-processes.js';
import { DiagnosticRoutes } from '../engine/diagnostic-routes.js';
import { startSandbox, type RunningSandbox, type SandboxSettings } from '../stack/sandbox-environment.js';
import type { RunEnvironment } from '../stack/run-environment.js';
import { resolveScalewayPlugin } from '../engine/provider-plugin.js';
import { startSharedProvider, type SharedProvider } from '../engine/shared-provider.js';
import { resolveRunTargets } from './targets.js';
import { checkResourceFlags } from './resource-flags.js';
import { stackExistsInState } from '../engine/stack-existence.js';
import { credentialsToEngineEnv, loadCredentials } from '../stack/credentials.js';
import { prepareSecretsProvider } from '../stack/passphrase.js';
import type { BackendChoice, StackTarget } from '../stack/target-types.js';
import type { LastDeployment } from '../program/redeploy.js';
import type { ImportRun } from '../program/container-program.js';
import type { RecordedStack } from '../program/recorded-stack.js';
import type { CloudOptions } from './run-options.js';
import { isStackOnly } from './stack-only.js';
import { rerunArgs } from './rerun-args.js';

export interface PreparedStack {
  readonly loaded: LoadedManifest;
  readonly target: StackTarget;
  /** Short name for progress lines: the manifest name (the stack name when two share one). */
  readonly label: string;
  /** The flags that name this manifest again in a suggested command, e.g. `-f my-api.yaml --sandbox`. */
  readonly rerunArgs: string;
  readonly program: PulumiFn;
  /** `--redeploy`: the container is deployed again with the same image reference. */
  readonly redeploy?: boolean;
  /** What the program needs from the state, filled in by the session before each run of it. */
  readonly stateView: { lastDeployment?: LastDeployment; recorded?: RecordedStack; createdByOriginalCli?: boolean; pendingReads?: ReadonlySet<string>; importing?: ImportRun };
}

export interface PreparedRun {
  readonly stacks: readonly PreparedStack[];
  /** Where the run happens, decided once (stack/run-environment.ts). */
  readonly environment: RunEnvironment;
  /** `environment.backend`. */
  readonly backend: BackendChoice;
  /** Set on every engine process: credentials, passphrase, the shared provider, the sandbox API. */
  readonly engineEnv: Readonly<Record<string, string>>;
  /** The Scaleway credentials as SCW_* variables, when the run loaded them (`credentials` or
   * `readsApi`): loaded here once for the run, whoever uses them. */
  readonly scalewayEnv: Readonly<Record<string, string>>;
  readonly secretsProvider?: string;
  readonly pulumiCommand: PulumiCommand;
  readonly processes: EngineProcesses;
  /** Hands each diagnostic to the stack it is about (see engine/diagnostic-routes.ts). */
  readonly diagnosticRoutes: DiagnosticRoutes;
  /** --lock-wait: how long a stack held by another run is waited for; 0 fails at once (exit 4). */
  readonly lockWaitMs: number;
  /** --shard: the part of the manifests this run took. */
  readonly shard?: ShardReport;
  /** `environment.sandbox.settings`: the sandbox's folders, on a sandbox run. */
  readonly sandbox?: SandboxSettings;
  /** The `scaleway` plugin every engine of the run attaches to, and the sandbox's local API:
   * both stopped by `stopShared` (withStackSessions calls it). */
  readonly provider?: SharedProvider;
  readonly sandboxApi?: RunningSandbox;
}

/** Stops what the run shares (idempotent): the provider process, then the local API. */
export async function stopShared(run: PreparedRun): Promise<void> {
  run.provider?.stop();
  await run.sandboxApi?.api.close();
}

export interface PrepareNeeds {
  /** Scaleway credentials for the engine (every command that runs the program); `outputs` only reads state. */
  readonly credentials: boolean;
  /** The command reads the Scaleway API itself (`status`): the credentials are loaded, not given to the engine. */
  readonly readsApi?: boolean;
  /** Told what is being done, for the live line (`reading manifests`, `starting the engine`). */
  readonly onPhase?: (phase: string) => void;
  /** `--stack` alone may name the stack (destroy, outputs, status: see stack-only.ts). */
  readonly stackOnly?: boolean;
}

export async function prepareRun(options: CloudOptions, io: Io, needs: PrepareNeeds): Promise<PreparedRun> {
  const phase = needs.onPhase ?? ((): void => undefined);
  // Problems are always printed for humans on stderr; with --json the result document carries
  // them as well (see report.ts).
  phase('reading manifests');
  const { manifests, targets, environment, shard } = await resolveRunTargets(options, io, needs.stackOnly);
  const { home, backend } = environment;
  const sandbox = environment.sandbox?.settings;
  const withSpec = manifests.filter((loaded) => !isStackOnly(loaded));
  checkResourceFlags('--target', options.target, withSpec);
  checkResourceFlags('--replace', options.replace, withSpec);

  if (environment.sandbox && options.providerConfig !== undefined) {
    // Silently ignoring it would let a user believe the run used those credentials.
    io.err(`note: -p/--provider-config ${options.providerConfig} is not used with --sandbox: the sandbox runs with fake credentials and touches nothing real\n`);
  }
  const loadsCredentials = needs.credentials || needs.readsApi === true;
  if (loadsCredentials) phase('checking credentials');
  const credentials = loadsCredentials
    ? await loadCredentials({
        ...(options.providerConfig !== undefined ? { providerConfigPath: options.providerConfig } : {}),
        env: options.env,
        sandbox: environment.sandbox !== undefined,
        cwd: options.cwd,
      })
    : undefined;
  if (credentials) io.redactor.add(credentials.secrets);
  const scalewayEnv = credentials ? credentialsToEngineEnv(credentials) : {};
  const credentialsEnv = needs.credentials ? scalewayEnv : {};
  const secrets = await prepareSecretsProvider({
    backendKind: backend.kind,
    env: options.env,
    openmcfHome: home,
    sandbox: environment.sandbox !== undefined,
    sandboxOnUserBackend: environment.sandbox?.onUserBackend === true,
    existingStacks: { names: targets.filter((target) => stackExistsInState(target) === true).map((target) => target.displayName), backend: backend.url },
  });
  io.redactor.add(secrets.secrets);
  if (secrets.notice) io.err(`note: ${secrets.notice}\n`);

  phase('finding the engine');
  const cli = await resolvePulumiCli({ env: options.env, onProgress: (line) => io.err(`engine: ${line}\n`) });

  // The Pulumi SDK (the Automation API first) and the provider SDK take most of a second to load,
  // synchronously: only now, once the input is known to be good, and with the live line saying so
  // (drawn before the load starts: no timer fires until it ends).
  phase('loading the Pulumi SDK');
  const processes = new EngineProcesses();
  const pulumiCommand = processes.wrap(await pulumiCommandFor(cli));
  const { createContainerProgram } = await import('../program/container-program.js');
  const names = manifests.map((m) => m.manifest.metadata.name);
  const stacks = manifests.map((loaded, index): PreparedStack => {
    const target = targets[index]!;
    const name = loaded.manifest.metadata.name;
    const stateView: PreparedStack['stateView'] = {};
    return {
      loaded,
      target,
      label: names.filter((n) => n === name).length > 1 ? target.displayName : name,
      rerunArgs: rerunArgs(options, io.redactor.known, { loaded, backendUrl: target.backendUrl }),
      redeploy: options.redeploy,
      // A stack named by --stack alone has no manifest to declare: its program declares nothing.
      program: isStackOnly(loaded)
        ? async () => undefined
        : createContainerProgram(loaded.manifest, {
            target,
            lastDeployment: () => stateView.lastDeployment,
            recorded: () => stateView.recorded,
            pendingReads: () => stateView.pendingReads,
            redeploy: options.redeploy,
            importing: () => stateView.importing,
          }),
      stateView,
    };
  });

  // Commands that run the program need the provider: found (or built) like the engine, started
  // once for the run; under --sandbox, after the local API it is pointed at. An empty shard runs
  // nothing and needs neither.
  const runsProgram = needs.credentials && stacks.length > 0;
  if (runsProgram) phase('finding the scaleway plugin');
  const plugin = runsProgram ? await resolveScalewayPlugin({ env: options.env, onProgress: (line) => io.err(`engine: ${line}\n`) }) : undefined;
  // The sandbox API also serves the sandbox state's secrets provider: every command that starts an
  // engine on sandbox stacks (outputs and cancel too) needs it.
  if (environment.sandbox && stacks.length > 0) phase('starting the sandbox API');
  const sandboxApi =
    environment.sandbox && stacks.length > 0 ? await startSandbox(environment.sandbox.settings, options.env, secrets.sandboxTransit, environment.sandbox.faults) : undefined;
  const runEnv = { ...credentialsEnv, ...(sandboxApi?.env ?? {}) };
  if (plugin) phase('starting the provider');
  const provider = plugin ? await startSharedProvider(plugin.path, { ...process.env, ...options.env, ...runEnv }) : undefined;
  return {
    stacks,
    environment,
    backend,
    engineEnv: {
      // The backend's credentials (a PostgreSQL password as PGPASSWORD), for the run's own engine
      // calls that are not a stack's (listing stacks, history); each stack's workspace has them too.
      ...(backend.engineEnv ?? {}),
      ...runEnv,
      ...secrets.envVars,
      // Should the shared provider not start, the engines launch the plugin themselves from PATH;
      // they never try to download one.
      ...(plugin ? { PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true' } : {}),
      ...(plugin && !provider ? { PATH: [dirname(plugin.path), options.env.PATH ?? ''].join(delimiter) } : {}),
      ...(provider?.engineEnv ?? {}),
    },
    scalewayEnv,
    ...(secrets.secretsProvider ? { secretsProvider: secrets.secretsProvider } : {}),
    pulumiCommand,
    processes,
    diagnosticRoutes: new DiagnosticRoutes(),
    lockWaitMs: options.lockWaitMs,
    ...(shard ? { shard } : {}),
    ...(sandbox ? { sandbox } : {}),
    ...(provider ? { provider } : {}),
    ...(sandboxApi ? { sandboxApi } : {}),
  };
}
