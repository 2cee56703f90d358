// What a stack's state holds, read before an operation: the resources with their last inputs and
// outputs, and the operations an interrupted run left pending. On a `file://` backend the
// checkpoint is read from the state folder (`.pulumi/stacks/<project>/<stack>.json[.gz]`, what
// stack-existence.ts looks at) at the cost of a file read; elsewhere through `pulumi stack export`.
// Secret values stay ciphertext here: nothing is decrypted.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Stack } from '@pulumi/pulumi/automation/index.js';
import { checkpointBase } from './stack-existence.js';
import { exportEncrypted } from './state-transfer.js';
import type { StackTarget } from '../stack/target-types.js';

/** One resource as the checkpoint (deployment v3) holds it; unknown fields are kept as they are. */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  readonly [field: string]: unknown;
}

export interface StatePendingOperation {
  readonly resource: StateResource;
  /** `creating`, `updating`, `deleting`, `reading`, `importing`. */
  readonly type: string;
}

export interface StackState {
  readonly resources: readonly StateResource[];
  readonly pendingOperations: readonly StatePendingOperation[];
}

/** The checkpoint's `latest` (or an export's `deployment`): what every reader takes its parts from. */
export function stackStateOf(deployment: unknown): StackState {
  const value = (deployment ?? {}) as { resources?: unknown; pending_operations?: unknown };
  return {
    resources: Array.isArray(value.resources) ? (value.resources as StateResource[]) : [],
    pendingOperations: Array.isArray(value.pending_operations) ? (value.pending_operations as StatePendingOperation[]) : [],
  };
}

export const EMPTY_STATE: StackState = { resources: [], pendingOperations: [] };

type StateTarget = Pick<StackTarget, 'backendUrl' | 'backendKind' | 'projectName' | 'stackName'>;

/** The stack's state now; empty for a stack that has never been updated. */
export async function readStackState(stack: Stack, target: StateTarget): Promise<StackState> {
  const fromFile = target.backendKind === 'file' ? await readCheckpointFile(target) : undefined;
  if (fromFile !== undefined) return fromFile;
  // Without --show-secrets: nothing here needs a secret value, so none is decrypted.
  return stackStateOf((await exportEncrypted(stack)).deployment);
}

/** undefined when the file cannot be found or read: the engine's export then decides. */
async function readCheckpointFile(target: StateTarget): Promise<StackState | undefined> {
  const base = checkpointBase(target);
  if (base === undefined) return undefined;
  for (const [name, decode] of [
    [`${base}.json`, (b: Buffer) => b],
    [`${base}.json.gz`, gunzipSync],
  ] as const) {
    try {
      const checkpoint = JSON.parse(decode(await readFile(name)).toString('utf8')) as { checkpoint?: { latest?: unknown } };
      return stackStateOf(checkpoint.checkpoint?.latest);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return undefined;
    }
  }
  // No checkpoint file: a stack that was never updated holds nothing.
  return EMPTY_STATE;
}

/**
 * What identifies the state's content: a digest of its resources and pending operations. The
 * checkpoint's own header (its time, the engine version) is left out, so a run that changed
 * nothing leaves the fingerprint as it was.
 */
export function stateFingerprint(state: StackState): string {
  return createHash('sha256')
    .update(JSON.stringify([state.resources, state.pendingOperations]))
    .digest('hex');
}

/** The resource of that type (the program declares one namespace and one container). */
export function resourceOfType(state: StackState, type: string): StateResource | undefined {
  return state.resources.find((r) => r.type === type);
}

/** Creates an interrupted run left unfinished: the cloud may or may not have the resource. */
export function pendingCreates(state: StackState): StatePendingOperation[] {
  return state.pendingOperations.filter((op) => op.type === 'creating');
}

const STACK_TYPE = 'pulumi:pulumi:Stack';

/**
 * The stack's outputs miss what its resources hold, or hold something else: an interrupted create
 * (SIGTERM) records the resources but not the outputs, a resource taken in by recovery is not in
 * them yet, and an update with an empty plan would never write them again. Then apply runs the
 * update all the same, which records them. A stack without a container has nothing to record.
 */
export function stackOutputsStale(state: StackState): boolean {
  const container = resourceOfType(state, 'scaleway:containers/container:Container');
  const namespace = resourceOfType(state, 'scaleway:containers/namespace:Namespace');
  if (container?.id === undefined || namespace?.id === undefined) return false;
  const outputs = state.resources.find((r) => r.type === STACK_TYPE)?.outputs ?? {};
  const expected: Record<string, unknown> = {
    containerId: container.id,
    namespaceId: namespace.id,
    domainName: container.outputs?.domainName,
    status: container.outputs?.status,
  };
  return Object.entries(expected).some(([name, value]) => value !== undefined && outputs[name] !== value);
}
