// Everything a cloud command checks before the engine starts, in the order a user fixes things:
// manifests, flags, backend, stack names, credentials, secrets provider, then the engine itself.
// Any problem up to the engine is invalid input (exit 3) and nothing has been touched.
import type { PulumiCommand, PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { invalidInput } from '../../errors.js';
import type { LoadedManifest } from '../../manifest/load.js';
import type { Io } from '../../render/io.js';
import { loadValidManifests } from '../load-valid-manifests.js';
import { pulumiCommandFor, resolvePulumiCli } from '../../engine/pulumi-cli.js';
import { EngineProcesses } from '../../engine/engine-processes.js';
import type { SandboxSettings } from '../../sandbox/environment.js';
import { startSharedSandboxProvider, type SharedSandboxProvider } from '../../sandbox/shared-provider.js';
import { chooseRunBackend } from './run-backend.js';
import { checkResourceFlags } from './resource-flags.js';
import { resolveStackTarget } from '../../target/stack-target.js';
import { credentialsToEngineEnv, loadCredentials } from '../../target/credentials.js';
import { prepareSecretsProvider } from '../../target/passphrase.js';
import type { BackendChoice, StackTarget } from '../../target/types.js';
import { createContainerProgram } from '../../program/container-program.js';
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
}

export interface PreparedRun {
  readonly stacks: readonly PreparedStack[];
  readonly backend: BackendChoice;
  /** Set on every engine process: credentials, passphrase, sandbox plugin and store. */
  readonly engineEnv: Readonly<Record<string, string>>;
  readonly secretsProvider?: string;
  readonly pulumiCommand: PulumiCommand;
  readonly processes: EngineProcesses;
  readonly sandbox?: SandboxSettings;
  /** The one sandbox provider every engine of the run attaches to; stopped by withStackSessions. */
  readonly sandboxProvider?: SharedSandboxProvider;
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

  checkResourceFlags('--target', options.target, manifests);
  checkResourceFlags('--replace', options.replace, manifests);

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
  const secrets = await prepareSecretsProvider({
    backendKind: backend.kind,
    env: options.env,
    openmcfHome: home,
    sandbox: options.sandbox,
    existingStacks: { names: targets.filter((target) => stackExistsInState(target) === true).map((target) => target.displayName), backend: backend.url },
  });
  if (secrets.notice) io.err(`note: ${secrets.notice}\n`);

  const cli = await resolvePulumiCli({ env: options.env, onProgress: (line) => io.err(`engine: ${line}\n`) });
  const processes = new EngineProcesses();
  const pulumiCommand = processes.wrap(await pulumiCommandFor(cli));

  const names = manifests.map((m) => m.manifest.metadata.name);
  const stacks = manifests.map((loaded, index): PreparedStack => {
    const target = targets[index]!;
    const name = loaded.manifest.metadata.name;
    return {
      loaded,
      target,
      label: names.filter((n) => n === name).length > 1 ? target.displayName : name,
      rerunArgs: rerunArgs(loaded, options),
      program: createContainerProgram(loaded.manifest, { target }),
    };
  });

  // Last, once nothing can fail any more: one sandbox provider for all the engines of the run.
  const provider = sandbox && needs.credentials ? await startSharedSandboxProvider({ ...process.env, ...credentialsEnv, ...sandbox.engineEnv }) : undefined;
  return {
    stacks,
    backend,
    engineEnv: { ...credentialsEnv, ...secrets.envVars, ...(sandbox?.engineEnv ?? {}), ...(provider?.engineEnv ?? {}) },
    ...(secrets.secretsProvider ? { secretsProvider: secrets.secretsProvider } : {}),
    pulumiCommand,
    processes,
    ...(sandbox ? { sandbox } : {}),
    ...(provider ? { sandboxProvider: provider } : {}),
  };
}

/**
 * Two manifests deploying to one engine stack would overwrite each other: refuse before starting.
 * What the engine sees is compared, not what the labels say: self-managed backends drop the
 * organization (`a/p/s` and `b/p/s` are one stack there), and a file backend's state file may be on
 * a file system that ignores case (`p/Dev` and `p/dev`).
 */
function refuseSharedStacks(manifests: readonly LoadedManifest[], targets: readonly StackTarget[]): void {
  const seen = new Map<string, number>();
  targets.forEach((target, index) => {
    const key = target.backendKind === 'file' ? target.stackName.toLowerCase() : target.stackName;
    const firstIndex = seen.get(key);
    if (firstIndex === undefined) {
      seen.set(key, index);
      return;
    }
    const first = targets[firstIndex]!;
    const same = first.displayName === target.displayName;
    const why = same
      ? ''
      : first.stackName === target.stackName
        ? ` (${first.displayName} and ${target.displayName}: this backend keeps no organization)`
        : ` (${first.displayName} and ${target.displayName} differ only in case, and share one state file on a file system that ignores case)`;
    throw invalidInput(
      `${where(manifests[firstIndex]!)} and ${where(manifests[index]!)} both deploy to stack ${same ? target.displayName : target.stackName}${why}`,
      'stack.shared',
      'give each manifest its own pulumi.openmcf.org/project or pulumi.openmcf.org/stack.name label',
    );
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
  const file = loaded.origin.file === '<stdin>' ? '-' : loaded.origin.file;
  const parts = ['-f', quote(file)];
  for (const set of options.manifestFlags.set ?? []) parts.push('--set', quote(set));
  if (options.manifestFlags.envFile !== undefined) parts.push('--env-file', quote(options.manifestFlags.envFile));
  if (options.sandbox) parts.push('--sandbox');
  if (options.backend !== undefined) parts.push('--backend', quote(options.backend));
  if (options.providerConfig !== undefined) parts.push('-p', quote(options.providerConfig));
  if (options.stack !== undefined) parts.push('--stack', quote(options.stack));
  return parts.join(' ');
}
