// The stacks of a run's backend with their last update, read through the engine: shared by
// `openmcf stacks`, `apply --prune` and `preview` (orphans) and `doctor` (does the backend answer).
import { lastUpdateOf, listBackendStacks, type BackendStack, type EngineCall, type LastUpdate } from '../../engine/backend-stacks.js';
import { resolvePulumiCli } from '../../engine/pulumi-cli.js';
import type { Io } from '../../core/io.js';
import { runBoundedAll } from '../../run/run-bounded.js';

export interface ListedStack extends BackendStack {
  /** The stack's most recent operation; absent for a stack that has none. */
  readonly last?: LastUpdate;
}

/** How the engine is called for a backend: the pinned engine (found or installed as for any cloud command). */
export async function engineCallFor(backendUrl: string, env: NodeJS.ProcessEnv, io: Io, timeoutMs?: number): Promise<EngineCall> {
  const cli = await resolvePulumiCli({ env, onProgress: (line) => io.err(`engine: ${line}\n`) });
  return { cli: cli.path, backendUrl, env, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
}

/** Every stack of the backend, with its last operation when `history` (one engine start per stack, `parallel` at once). */
export async function readBackendStacks(call: EngineCall, options: { readonly history: boolean; readonly parallel: number }): Promise<ListedStack[]> {
  const listed = await listBackendStacks(call);
  if (!options.history) return listed;
  return runBoundedAll(listed, options.parallel, async (stack): Promise<ListedStack> => {
    // A stack that was never updated has no history; nothing else is expected to fail here once
    // the listing worked, and a failure of one stack's history should not hide the others.
    const last = await lastUpdateOf(call, stack.name).catch(() => undefined);
    return last ? { ...stack, last } : stack;
  });
}
