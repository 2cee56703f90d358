// Creates an interrupted run left pending (the engine was killed while the provider was creating a
// resource: two Ctrl-C, kill -9, a lost CI runner). The state cannot tell whether the create
// reached the cloud; the engine's own ways out both go wrong here: `refresh
// --clear-pending-creates` forgets a resource that may exist, and the names are fixed, so every
// later create fails with 409 "already exists"; `--import-pending-creates <urn> <id>` needs the id
// by hand (and, tried with engine v3.274.1, dropped the operation without adding the resource).
// So: each pending create is looked up in the cloud by its name (cloud-lookup.ts); one that exists
// is written into the state as created, with its id, for a refresh to read back; one that does not
// is dropped. Only objects that carry the create's own tags are taken (a namespace someone else made
// under that name stays theirs).
import type { Deployment } from '@pulumi/pulumi/automation/index.js';
import { findContainer, findNamespace, findTrigger, type CloudLookupSettings, type CloudObject } from './cloud-lookup.js';
import { resourceNameOfUrn } from './resource-urns.js';
import { pendingCreates, type StackState, type StatePendingOperation, type StateResource } from './stack-state.js';

export interface PendingCreateOutcome {
  readonly urn: string;
  readonly type: string;
  /** The logical name (the URN's last part). */
  readonly name: string;
  /** `{region}/{uuid}` of what the cloud has; undefined when the create never reached it. */
  readonly cloudId?: string;
  /** The resource as the operation that made it recorded it (inputs, parent, provider, ...). */
  readonly resource: StateResource;
}

const NAMESPACE = 'scaleway:containers/namespace:Namespace';
const CONTAINER = 'scaleway:containers/container:Container';
const CRON = 'scaleway:containers/cron:Cron';

/**
 * What the cloud has for each pending create. Runs interrupted one after the other leave one
 * operation each for the same URN (the engine keeps the newest first): each is looked up until one
 * is found. URNs the state already holds as resources are settled and left out.
 */
export async function resolvePendingCreates(state: StackState, settings: CloudLookupSettings): Promise<PendingCreateOutcome[]> {
  const known = new Set(state.resources.map((r) => r.urn));
  const byUrn = new Map<string, StatePendingOperation[]>();
  for (const op of pendingCreates(state)) if (!known.has(op.resource.urn)) byUrn.set(op.resource.urn, [...(byUrn.get(op.resource.urn) ?? []), op]);
  const outcomes: PendingCreateOutcome[] = [];
  for (const [urn, ops] of byUrn) {
    let cloudId: string | undefined;
    let resource = ops[0]!.resource;
    for (const op of ops) {
      const found = await lookUp(op.resource, settings);
      const region = text(op.resource.inputs?.region);
      if (found && region) {
        cloudId = `${region}/${found.id}`;
        resource = op.resource;
        break;
      }
    }
    outcomes.push({ urn, type: resource.type, name: resourceNameOfUrn(urn), resource, ...(cloudId !== undefined ? { cloudId } : {}) });
  }
  return outcomes;
}

async function lookUp(resource: StateResource, settings: CloudLookupSettings): Promise<CloudObject | undefined> {
  const inputs = resource.inputs ?? {};
  const region = text(inputs.region);
  const name = text(inputs.name);
  if (!region || !name) return undefined;
  let found: CloudObject | undefined;
  if (resource.type === NAMESPACE) found = await findNamespace(settings, region, name);
  else if (resource.type === CONTAINER) found = await findContainer(settings, region, bareId(inputs.namespaceId), name);
  else if (resource.type === CRON) found = await findTrigger(settings, region, bareId(inputs.containerId), name);
  if (!found) return undefined;
  const wanted = Array.isArray(inputs.tags) ? inputs.tags.map(String) : [];
  return wanted.every((tag) => found.tags.includes(tag)) ? found : undefined;
}

/**
 * The deployment with every pending create settled: those the cloud has become resources of the
 * state (with their id; their outputs are the inputs until the refresh that follows reads them),
 * the others are dropped. Other pending operations stay for the engine's refresh to clear.
 */
export function settlePendingCreates(exported: Deployment, outcomes: readonly PendingCreateOutcome[]): Deployment {
  const deployment = structuredClone(exported.deployment) as { resources?: StateResource[]; pending_operations?: StatePendingOperation[] };
  const resources = deployment.resources ?? [];
  const known = new Set(resources.map((r) => r.urn));
  for (const { urn, cloudId, resource } of outcomes) {
    if (cloudId === undefined || known.has(urn)) continue;
    // Dependencies come first in the state; a pending create's dependencies were created before it.
    resources.push({ ...resource, id: cloudId, outputs: { ...(resource.inputs ?? {}), id: cloudId } });
    known.add(urn);
  }
  deployment.resources = resources;
  deployment.pending_operations = (deployment.pending_operations ?? []).filter((op) => op.type !== 'creating');
  return { ...exported, deployment };
}

function bareId(value: unknown): string {
  const id = text(value) ?? '';
  return id.slice(id.indexOf('/') + 1);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
