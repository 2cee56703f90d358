// Recovery before an update or a refresh: what faults left between the state and the cloud is
// settled (pending-creates.ts, cloud-adoption.ts) on the encrypted checkpoint (state-transfer.ts),
// and what was taken in is read back by a refresh. A name another owner holds fails the run with
// that owner named, after what could be settled was.
import type { Stack } from '@pulumi/pulumi/automation/index.js';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { held } from './cloud-adoption.js';
import type { CloudLookupSettings } from './cloud-lookup.js';
import { settleWithCloud, type RecoveryContext, type Settlement } from './pending-creates.js';
import { runOperation } from './run-operation.js';
import { pendingCreates, type StackState } from './stack-state.js';
import { exportEncrypted, importEncrypted } from './state-transfer.js';
import { OWNER_TAG_KEY } from '../program/tags.js';

/**
 * Only when something may be to settle: pending creates, or an object the program declares that a
 * state with a provider lacks (a state without one has nothing to hang an object on: a first run).
 * A complete state costs nothing.
 */
export function mayNeedSettling(state: StackState, context: RecoveryContext): boolean {
  if (pendingCreates(state).length > 0) return true;
  if (!state.resources.some((r) => r.type.startsWith('pulumi:providers:'))) return false;
  return context.declared.some((d) => !held(d, state.resources, context.urnPrefix));
}

export async function settleStack(stack: Stack, state: StackState, settings: CloudLookupSettings, context: RecoveryContext, rerun: string): Promise<Settlement[]> {
  if (!mayNeedSettling(state, context)) return [];
  // Looked up on the state already read first: the checkpoint is exported (an engine start) only
  // when there is something to write, not for every apply that adds a cron.
  const dryRun = await settleWithCloud({ version: 3, deployment: { resources: state.resources, pending_operations: state.pendingOperations } }, settings, context);
  let settlements = dryRun.settlements;
  if (dryRun.changed) {
    const settled = await settleWithCloud(await exportEncrypted(stack), settings, context);
    settlements = settled.settlements;
    if (settled.changed) await importEncrypted(stack, settled.deployment);
  }
  if (settlements.some((s) => s.kind === 'taken' || s.kind === 'adopted')) await runOperation(stack, 'refresh');
  const conflicts = settlements.filter((s) => s.kind === 'conflict');
  if (conflicts.length > 0) throw conflictError(conflicts, context.owner, rerun);
  return settlements;
}

const WORD: Readonly<Record<string, string>> = { 'scaleway:containers/namespace:Namespace': 'namespace', 'scaleway:containers/container:Container': 'container' };

export function conflictError(conflicts: readonly Extract<Settlement, { kind: 'conflict' }>[], owner: string, rerun: string): OpenmcfError {
  const what = conflicts.map((c) => {
    const whose = c.owner !== undefined ? `belongs to stack ${c.owner} (its ${OWNER_TAG_KEY} tag)` : `was not created by openmcf (it has no ${OWNER_TAG_KEY} tag)`;
    return `the ${WORD[c.type] ?? c.type} "${c.name}" in ${c.region} (${c.cloudId}) ${whose}`;
  });
  return new OpenmcfError(`stack ${owner} cannot use the name it declares: ${what.join('; ')}; it is not taken into this stack`, {
    exitCode: ExitCode.failed,
    code: 'name-owned-elsewhere',
    origin: 'cloud',
    hint: `Names are unique per project and region: give this manifest another metadata.name (or another region), or delete that object if nothing uses it; then run \`${rerun}\` again.`,
  });
}
