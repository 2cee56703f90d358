// The first steps of every cloud command, which need neither the engine nor the Pulumi SDK: valid
// manifests, the run's environment (backend, sandbox), and each manifest's stack. `outputs` can answer from here alone when
// the state is a local folder.
import { invalidInput } from '../core/errors.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import type { Io } from '../core/io.js';
import { loadValidManifestsWithDiagnostics } from './load-valid-manifests.js';
import type { ShardReport } from '../manifest/shard.js';
import { decideRunEnvironment, type RunEnvironment } from '../stack/run-environment.js';
import { resolveStackTarget, type StackTargetOptions } from '../stack/stack-target.js';
import type { StackTarget } from '../stack/target-types.js';
import { describeValueFromRefs, valueFromStackMissing } from '../program/value-from.js';
import { stackExistsInState } from '../engine/stack-existence.js';
import { dependencyOrder, readWithinRun } from '../program/value-from-order.js';
import type { CloudOptions } from './run-options.js';
import { namesStackOnly, stackOnlyManifest } from './stack-only.js';

export interface RunTargets {
  readonly manifests: readonly LoadedManifest[];
  /** One per manifest, in the same order. */
  readonly targets: readonly StackTarget[];
  /** Decided once here (stack/run-environment.ts); the rest of the run reads it. */
  readonly environment: RunEnvironment;
  /** --shard: the part of the manifests this run took. */
  readonly shard?: ShardReport;
}

/** `stackOnly`: the command reads or destroys a stack without its program (destroy, outputs,
 * status), so `--stack` alone may name it (see stack-only.ts). */
export async function resolveRunTargets(options: CloudOptions, io: Io, stackOnly = false): Promise<RunTargets> {
  if (stackOnly && namesStackOnly(options)) {
    const loaded = stackOnlyManifest(options.stack!);
    const environment = await decideRunEnvironment(options);
    io.redactor.add(environment.backend.secrets);
    const target = resolveStackTarget(loaded.manifest, targetOptions(environment, options.stack));
    return { manifests: [loaded], targets: [target], environment };
  }
  // Problems are always printed for humans on stderr; with --json the result document carries
  // them as well (see report.ts).
  const { manifests, shard } = await loadValidManifestsWithDiagnostics(options.manifests, io, { json: false });
  // An empty part of a sharded run is normal (few manifests, many runners): nothing to do, exit 0.
  if (manifests.length === 0 && shard === undefined) {
    throw invalidInput('no manifests found in the given files', 'manifest.none', 'point -f at a manifest file, a directory of *.yaml files, or - for stdin');
  }
  if (options.stack !== undefined && manifests.length > 1) {
    throw invalidInput(`--stack names one stack but ${manifests.length} manifests were given`, 'flag.stack', "pass one manifest with --stack, or set each manifest's stack labels");
  }

  const environment = await decideRunEnvironment(options);
  io.redactor.add(environment.backend.secrets);
  const targets = manifests.map((loaded) => resolveStackTarget(loaded.manifest, targetOptions(environment, options.stack)));
  refuseSharedStacks(manifests, targets);
  const stacks = manifests.map((loaded, index) => ({ loaded, target: targets[index]! }));
  // A stack of this run that others read is made by this run (it runs first): not missing.
  const madeHere = readWithinRun(stacks);
  manifests.forEach((loaded, index) => checkValueFromStacks(loaded, targets[index]!, madeHere));
  dependencyOrder(stacks); // a cycle is invalid input, before anything starts
  return { manifests, targets, environment, ...(shard ? { shard } : {}) };
}

/** Where each stack of the run is: the environment's backend, sandbox or not, and --stack. */
export function targetOptions(environment: RunEnvironment, stackOverride: string | undefined): StackTargetOptions {
  const { backend } = environment;
  return {
    backend: { url: backend.url, kind: backend.kind, ...(backend.engineEnv ? { engineEnv: backend.engineEnv } : {}) },
    sandbox: environment.sandbox !== undefined,
    ...(stackOverride !== undefined ? { stackOverride } : {}),
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
function checkValueFromStacks(loaded: LoadedManifest, target: StackTarget, madeHere: ReadonlySet<string>): void {
  for (const ref of describeValueFromRefs(loaded.manifest, target)) {
    if (madeHere.has(ref.stackName)) continue;
    if (stackExistsInState({ ...target, stackName: ref.stackName }) === false) throw valueFromStackMissing(ref);
  }
}

function where(loaded: LoadedManifest): string {
  return `${loaded.origin.file}:${loaded.origin.line}`;
}
