// Everything a cloud command checks before the engine starts, in the order a user fixes things:
// manifests, flags, backend, stack names, credentials, secrets provider, then the engine itself.
// Any problem up to the engine is invalid input (exit 3) and nothing has been touched.
import type { PulumiCommand, PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { delimiter, dirname } from 'node:path';
import type { LoadedManifest } from '../validation/load-manifests.js';
import { kustomizeSourceName } from '../manifest/kustomize.js';
import type { Io } from '../core/io.js';
import type { SecretValues } from '../core/secrets.js';
import type { ShardReport } from '../manifest/shard.js';
import { pulumiCommandFor, resolvePulumiCli } from '../engine/pulumi-cli.js';
import { EngineProcesses } from '../engine/engine-processes.js';
import { DiagnosticRoutes } from '../engine/diagnostic-routes.js';
import { startSandbox, type RunningSandbox, type SandboxSettings } from '../stack/sandbox-environment.js';
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
  readonly backend: BackendChoice;
  /** Set on every engine process: credentials, passphrase, the shared provider, the sandbox API. */
  readonly engineEnv: Readonly<Record<string, string>>;
  readonly secretsProvider?: string;
  readonly pulumiCommand: PulumiCommand;
  readonly processes: EngineProcesses;
  /** Hands each diagnostic to the stack it is about (see engine/diagnostic-routes.ts). */
  readonly diagnosticRoutes: DiagnosticRoutes;
  /** --lock-wait: how long a stack held by another run is waited for; 0 fails at once (exit 4). */
  readonly lockWaitMs: number;
  /** --shard: the part of the manifests this run took. */
  readonly shard?: ShardReport;
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
  /** Scaleway credentials (every command that runs the program); `outputs` only reads state. */
  readonly credentials: boolean;
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
  const { manifests, targets, home, backend, sandbox, shard } = await resolveRunTargets(options, io, needs.stackOnly);
  const withSpec = manifests.filter((loaded) => !isStackOnly(loaded));
  checkResourceFlags('--target', options.target, withSpec);
  checkResourceFlags('--replace', options.replace, withSpec);

  if (options.sandbox && options.providerConfig !== undefined) {
    // Silently ignoring it would let a user believe the run used those credentials.
    io.err(`note: -p/--provider-config ${options.providerConfig} is not used with --sandbox: the sandbox runs with fake credentials and touches nothing real\n`);
  }
  if (needs.credentials) phase('checking credentials');
  const credentials = needs.credentials
    ? await loadCredentials({
        ...(options.providerConfig !== undefined ? { providerConfigPath: options.providerConfig } : {}),
        env: options.env,
        sandbox: options.sandbox,
        cwd: options.cwd,
      })
    : undefined;
  if (credentials) io.redactor.add(credentials.secrets);
  const credentialsEnv = credentials ? credentialsToEngineEnv(credentials) : {};
  const secrets = await prepareSecretsProvider({
    backendKind: backend.kind,
    env: options.env,
    openmcfHome: home,
    sandbox: options.sandbox,
    sandboxOnUserBackend: options.sandbox && backend.source !== 'sandbox',
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
      rerunArgs: rerunArgs(loaded, options, target.backendUrl, io.redactor.known),
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
  if (sandbox && stacks.length > 0) phase('starting the sandbox API');
  const sandboxApi = sandbox && stacks.length > 0 ? await startSandbox(sandbox, options.env, secrets.sandboxTransit) : undefined;
  const runEnv = { ...credentialsEnv, ...(sandboxApi?.env ?? {}) };
  if (plugin) phase('starting the provider');
  const provider = plugin ? await startSharedProvider(plugin.path, { ...process.env, ...options.env, ...runEnv }) : undefined;
  return {
    stacks,
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

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/**
 * The flags that run this manifest's stack again, for the commands messages suggest. Every one must
 * run as printed: no secret is in them, and no placeholder for one (`[secret]` is refused as a
 * value). A --set holding a secret names a variable to fill it from; the backend URL is the one the
 * engine was given, without its password (PGPASSWORD carries that). `secrets`: the run's, which
 * tell a --set holding one.
 */
function rerunArgs(loaded: LoadedManifest, options: CloudOptions, backendUrl: string, secrets: SecretValues): string {
  const { kustomizeDir, overlay } = options.manifestFlags;
  const kustomize = kustomizeDir !== undefined && overlay !== undefined ? { dir: kustomizeDir, overlay } : undefined;
  const file = loaded.origin.file === '<stdin>' ? '-' : loaded.origin.file;
  const parts: string[] = isStackOnly(loaded)
    ? []
    : kustomize !== undefined && loaded.origin.file === kustomizeSourceName(kustomize)
      ? ['--kustomize-dir', quote(kustomize.dir), '--overlay', quote(kustomize.overlay)]
      : ['-f', quote(file)];
  for (const set of options.manifestFlags.set ?? []) parts.push('--set', secrets.mask(set) === set ? quote(set) : secretSet(set, loaded, secrets));
  if (options.manifestFlags.envFile !== undefined) parts.push('--env-file', quote(options.manifestFlags.envFile));
  if (options.sandbox) parts.push('--sandbox');
  if (options.backend !== undefined) parts.push('--backend', quote(backendUrl));
  if (options.providerConfig !== undefined) parts.push('-p', quote(options.providerConfig));
  if (options.stack !== undefined) parts.push('--stack', quote(options.stack));
  return parts.join(' ');
}

/** `--set "spec.env.secrets[0].value=$DATABASE_URL"`: the secret's own name as the variable (any
 * other path holding a secret: $SECRET_VALUE), for the user to export before pasting. */
function secretSet(set: string, loaded: LoadedManifest, secrets: SecretValues): string {
  const path = set.slice(0, Math.max(0, set.indexOf('=')));
  const index = /^spec\.env\.secrets\[(\d+)\]\.value$/.exec(path)?.[1];
  const name = index === undefined ? undefined : loaded.manifest.spec.env?.secrets?.[Number(index)]?.name;
  const variable = name !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : 'SECRET_VALUE';
  return secrets.mask(path) === path && path !== '' ? `"${path}=$${variable}"` : `"<path>=$${variable}"`;
}
