// Everything a cloud command checks before the engine starts, in the order a user fixes things:
// manifests, flags, backend, stack names, credentials, secrets provider, then the engine itself.
// Any problem up to the engine is invalid input (exit 3) and nothing has been touched.
import type { PulumiCommand, PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { delimiter, dirname } from 'node:path';
import { invalidInput } from '../../errors.js';
import type { LoadedManifest } from '../../manifest/load.js';
import { kustomizeSourceName } from '../../manifest/kustomize.js';
import type { Io } from '../../render/io.js';
import { loadValidManifests } from '../load-valid-manifests.js';
import { pulumiCommandFor, resolvePulumiCli } from '../../engine/pulumi-cli.js';
import { EngineProcesses } from '../../engine/engine-processes.js';
import { startSandbox, type RunningSandbox, type SandboxSettings } from '../../sandbox/environment.js';
import { resolveScalewayPlugin } from '../../engine/provider-plugin.js';
import { startSharedProvider, type SharedProvider } from '../../engine/shared-provider.js';
import { chooseRunBackend } from './run-backend.js';
import { resolveStackTarget } from '../../target/stack-target.js';
import { credentialsToEngineEnv, loadCredentials } from '../../target/credentials.js';
import { prepareSecretsProvider } from '../../target/passphrase.js';
import type { BackendChoice, StackTarget } from '../../target/types.js';
import { createContainerProgram } from '../../program/container-program.js';
import type { LastDeployment } from '../../program/redeploy.js';
import { describeValueFromRefs, valueFromStackMissing } from '../../program/value-from.js';
import { stackExistsInState } from '../../engine/stack-existence.js';
import type { CloudOptions } from './options.js';

export interface PreparedStack {
  readonly loaded: LoadedManifest;
  readonly target: StackTarget;
  /** Short name for progress lines: the manifest name (the stack name when two share one). */
  readonly label: string;
  /** The flags that name this manifest again in a suggested command, e.g. `-f my-api.yaml --sandbox`. */
  readonly rerunArgs: string;
  readonly program: PulumiFn;
  /** What the program needs from the state, filled in by the session before each run of it. */
  readonly stateView: { lastDeployment?: LastDeployment };
}

export interface PreparedRun {
  readonly stacks: readonly PreparedStack[];
  readonly backend: BackendChoice;
  /** Set on every engine process: credentials, passphrase, the shared provider, the sandbox API. */
  readonly engineEnv: Readonly<Record<string, string>>;
  readonly secretsProvider?: string;
  readonly pulumiCommand: PulumiCommand;
  readonly processes: EngineProcesses;
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
}

export async function prepareRun(options: CloudOptions, io: Io, needs: PrepareNeeds): Promise<PreparedRun> {
  // Problems are always printed for humans on stderr; with --json the result document carries
  // them as well (see report.ts).
  const manifests = await loadValidManifests(options.manifestFlags, io, { json: false });
  if (manifests.length === 0) {
    throw invalidInput('no manifests found in the given files', 'manifest.none', 'point -f at a manifest file, a directory of *.yaml files, or - for stdin');
  }
  if (options.stack !== undefined && manifests.length > 1) {
    throw invalidInput(`--stack names one stack but ${manifests.length} manifests were given`, 'flag.stack', 'pass one manifest with --stack, or set each manifest\'s stack labels');
  }

  const { home, backend, sandbox } = await chooseRunBackend(options);
  const targets = manifests.map((loaded) =>
    resolveStackTarget(loaded.manifest, {
      backend: { url: backend.url, kind: backend.kind },
      sandbox: options.sandbox,
      ...(options.stack !== undefined ? { stackOverride: options.stack } : {}),
    }),
  );
  refuseSharedStacks(manifests, targets);
  manifests.forEach((loaded, index) => checkValueFromStacks(loaded, targets[index]!));

  const credentialsEnv = needs.credentials
    ? credentialsToEngineEnv(
        await loadCredentials({
          ...(options.providerConfig !== undefined ? { providerConfigPath: options.providerConfig } : {}),
          env: options.env,
          sandbox: options.sandbox,
          cwd: options.cwd,
        }),
      )
    : {};
  const secrets = await prepareSecretsProvider({ backendKind: backend.kind, env: options.env, openmcfHome: home, sandbox: options.sandbox });
  if (secrets.notice) io.err(`note: ${secrets.notice}\n`);

  const cli = await resolvePulumiCli({ env: options.env, onProgress: (line) => io.err(`engine: ${line}\n`) });
  const processes = new EngineProcesses();
  const pulumiCommand = processes.wrap(await pulumiCommandFor(cli));

  const names = manifests.map((m) => m.manifest.metadata.name);
  const stacks = manifests.map((loaded, index): PreparedStack => {
    const target = targets[index]!;
    const name = loaded.manifest.metadata.name;
    const stateView: PreparedStack['stateView'] = {};
    return {
      loaded,
      target,
      label: names.filter((n) => n === name).length > 1 ? target.displayName : name,
      rerunArgs: rerunArgs(loaded, options),
      program: createContainerProgram(loaded.manifest, { target, lastDeployment: () => stateView.lastDeployment }),
      stateView,
    };
  });

  // Commands that run the program need the provider: found (or built) like the engine, started
  // once for the run; under --sandbox, after the local API it is pointed at.
  const plugin = needs.credentials ? await resolveScalewayPlugin({ env: options.env, onProgress: (line) => io.err(`engine: ${line}\n`) }) : undefined;
  const sandboxApi = sandbox && needs.credentials ? await startSandbox(sandbox, options.env) : undefined;
  const runEnv = { ...credentialsEnv, ...(sandboxApi?.env ?? {}) };
  const provider = plugin ? await startSharedProvider(plugin.path, { ...process.env, ...options.env, ...runEnv }) : undefined;
  return {
    stacks,
    backend,
    engineEnv: {
      ...runEnv,
      ...secrets.envVars,
      // Should the shared provider not start, the engines launch the plugin themselves from PATH;
      // they never try to download one.
      ...(plugin ? { PATH: [dirname(plugin.path), options.env.PATH ?? ''].join(delimiter), PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true' } : {}),
      ...(provider?.engineEnv ?? {}),
    },
    ...(secrets.secretsProvider ? { secretsProvider: secrets.secretsProvider } : {}),
    pulumiCommand,
    processes,
    ...(sandbox ? { sandbox } : {}),
    ...(provider ? { provider } : {}),
    ...(sandboxApi ? { sandboxApi } : {}),
  };
}

/** Two manifests deploying to one stack would overwrite each other: refuse before starting. */
function refuseSharedStacks(manifests: readonly LoadedManifest[], targets: readonly StackTarget[]): void {
  const seen = new Map<string, LoadedManifest>();
  targets.forEach((target, index) => {
    const loaded = manifests[index]!;
    const first = seen.get(target.stackName);
    if (first) {
      throw invalidInput(
        `${where(first)} and ${where(loaded)} both deploy to stack ${target.displayName}`,
        'stack.shared',
        'give each manifest its own pulumi.openmcf.org/stack.name label',
      );
    }
    seen.set(target.stackName, loaded);
  });
}

/**
 * A `valueFrom` naming a stack that does not exist is invalid input: say so before the engine
 * starts (exit 3, nothing touched). Where only the engine can tell (remote backends), the program's
 * own check reports it during the run; missing outputs are found there too.
 */
function checkValueFromStacks(loaded: LoadedManifest, target: StackTarget): void {
  for (const ref of describeValueFromRefs(loaded.manifest, target)) {
    if (stackExistsInState({ ...target, stackName: ref.stackName }) === false) throw valueFromStackMissing(ref);
  }
}

function where(loaded: LoadedManifest): string {
  return `${loaded.origin.file}:${loaded.origin.line}`;
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

function rerunArgs(loaded: LoadedManifest, options: CloudOptions): string {
  const { kustomizeDir, overlay } = options.manifestFlags;
  const kustomize = kustomizeDir !== undefined && overlay !== undefined ? { dir: kustomizeDir, overlay } : undefined;
  const file = loaded.origin.file === '<stdin>' ? '-' : loaded.origin.file;
  const parts =
    kustomize !== undefined && loaded.origin.file === kustomizeSourceName(kustomize)
      ? ['--kustomize-dir', quote(kustomize.dir), '--overlay', quote(kustomize.overlay)]
      : ['-f', quote(file)];
  for (const set of options.manifestFlags.set ?? []) parts.push('--set', quote(set));
  if (options.manifestFlags.envFile !== undefined) parts.push('--env-file', quote(options.manifestFlags.envFile));
  if (options.sandbox) parts.push('--sandbox');
  if (options.backend !== undefined) parts.push('--backend', quote(options.backend));
  if (options.providerConfig !== undefined) parts.push('-p', quote(options.providerConfig));
  if (options.stack !== undefined) parts.push('--stack', quote(options.stack));
  return parts.join(' ');
}
