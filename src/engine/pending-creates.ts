// What a fault left between the state and the cloud, settled before an update or a refresh.
//
// 1. Creates an interrupted run left pending (the engine was killed while the provider was
//    creating: two Ctrl-C, kill -9, a lost CI runner). The state cannot tell whether the create
//    reached the cloud; the engine's own ways out both go wrong here (`refresh
//    --clear-pending-creates` forgets a resource that may exist, and the names are fixed, so every
//    later create fails with 409 "already exists"; `--import-pending-creates <urn> <id>` needs the
//    id by hand). Each is looked up in the cloud by its name: what exists AND belongs to this stack
//    is written into the state with its id, for a refresh to read back; the rest is dropped.
// 2. Objects with no operation recorded at all (cloud-adoption.ts): a create whose readiness poll
//    failed after the API had made the object, triggers a hard kill left before their pending
//    operation was written. Looked up the same way and adopted, so the next update does not make
//    them a second time.
//
// Belonging is proven, never guessed from a name: a namespace or container carries this stack's
// owner tag (program/tags.ts); a trigger belongs to a container of this stack's state. An object
// with our name that is not ours is a conflict: reported with its owner, never taken.
import type { Deployment } from '@pulumi/pulumi/automation/index.js';
import { triggersOf, type CloudLookupSettings } from './cloud-lookup.js';
import { resourceNameOfUrn } from './resource-urns.js';
import { pendingCreates, stackStateOf, type StatePendingOperation, type StateResource } from './stack-state.js';
import { CONTAINER_TYPE, CRON_TYPE } from '../program/declared-objects.js';
import { adoptMissing, orderedForState } from './cloud-adoption.js';
import { bareId, findByOwner, text, type RecoveryContext, type Settlement } from './ownership.js';

export type { RecoveryContext, Settlement } from './ownership.js';

/**
 * The deployment with what the cloud has settled in: pending creates taken in or dropped, objects
 * the state lacks adopted. `exported` is the checkpoint as `pulumi stack export` gives it (secrets
 * encrypted); it is not changed. `changed` is false when nothing was to do.
 */
export async function settleWithCloud(
  exported: Deployment,
  settings: CloudLookupSettings,
  context: RecoveryContext,
): Promise<{ deployment: Deployment; settlements: Settlement[]; changed: boolean }> {
  const deployment = structuredClone(exported.deployment) as { resources?: StateResource[]; pending_operations?: StatePendingOperation[] };
  const state = stackStateOf(deployment);
  const resources = [...state.resources];
  const settlements: Settlement[] = [];
  const pending = pendingCreates(state);

  const known = new Set(resources.map((r) => r.urn));
  const byUrn = new Map<string, StatePendingOperation[]>();
  for (const op of pending) if (!known.has(op.resource.urn)) byUrn.set(op.resource.urn, [...(byUrn.get(op.resource.urn) ?? []), op]);
  // Runs interrupted one after the other leave one operation each for the same URN (newest first).
  for (const [urn, ops] of byUrn) {
    let taken: StateResource | undefined;
    for (const op of ops) {
      const id = await ownedId(op.resource, resources, settings, context.owner);
      if (id !== undefined) {
        taken = { ...op.resource, id, outputs: { ...(op.resource.inputs ?? {}), id } };
        break;
      }
    }
    const base = { urn, type: ops[0]!.resource.type, name: resourceNameOfUrn(urn) };
    if (taken) {
      resources.push(taken);
      settlements.push({ ...base, kind: 'taken', cloudId: taken.id! });
    } else settlements.push({ ...base, kind: 'dropped' });
  }

  const template = { resources, pending: pending.map((op) => op.resource) };
  const adopted = await adoptMissing(template, settings, context);
  resources.push(...adopted.resources);
  settlements.push(...adopted.settlements);

  const changed = pending.length > 0 || adopted.resources.length > 0;
  if (!changed) return { deployment: exported, settlements, changed };
  deployment.resources = adopted.resources.length > 0 || byUrn.size > 0 ? orderedForState(resources) : resources;
  // Other pending operations stay for the engine's refresh to clear.
  deployment.pending_operations = (deployment.pending_operations ?? []).filter((op) => op.type !== 'creating');
  return { deployment: { ...exported, deployment }, settlements, changed };
}

/** `{region}/{uuid}` of the object a pending create made, when it is this stack's. */
async function ownedId(resource: StateResource, resources: readonly StateResource[], settings: CloudLookupSettings, owner: string): Promise<string | undefined> {
  const inputs = resource.inputs ?? {};
  const region = text(inputs.region);
  const name = text(inputs.name);
  if (!region || !name) return undefined;
  if (resource.type === CRON_TYPE) {
    // A trigger is this stack's when its container is: the container id comes from the create's
    // inputs and must be a container of this state.
    const containerId = text(inputs.containerId);
    if (!containerId || !resources.some((r) => r.type === CONTAINER_TYPE && r.id === containerId)) return undefined;
    const held = new Set(resources.filter((r) => r.type === CRON_TYPE).map((r) => r.id));
    const trigger = (await triggersOf(settings, region, bareId(containerId))).find((t) => t.name === name && !held.has(`${region}/${t.id}`));
    return trigger ? `${region}/${trigger.id}` : undefined;
  }
  const belonging = await findByOwner(settings, owner, resource.type, region, name, bareId(inputs.namespaceId));
  return belonging && 'mine' in belonging ? `${region}/${belonging.mine.id}` : undefined;
}
