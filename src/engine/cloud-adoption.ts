// Objects the program declares that the state lacks although the cloud has them, with no operation
// of the engine to say so: a create whose readiness poll failed after the API had made the object
// (the provider returns no id then, so the engine records nothing and the next run would create it
// a second time: six triggers for three, or 409 "already exists" forever for a container), and
// triggers made just before a hard kill whose pending operation never reached the state. Each is
// looked up by its owner: a namespace or container by name and this stack's owner tag, a trigger
// among the triggers of this stack's container, by name, not already held by another Cron of the
// state. Found ones are adopted: written into the state as the resource the program declares, for a
// refresh to read back. A namespace or container of our name that another stack (or someone
// outside openmcf) owns is a conflict: listed, never taken.
import { triggersOf, type CloudLookupSettings } from './cloud-lookup.js';
import type { StateResource } from './stack-state.js';
import { CONTAINER_TYPE, CRON_TYPE, NAMESPACE_TYPE, type DeclaredObject } from '../program/declared-objects.js';
import { ownerOfTags } from '../program/tags.js';
import { bareId, findByOwner, type RecoveryContext, type Settlement } from './ownership.js';

interface Template {
  /** The state's resources (pending creates already settled). */
  readonly resources: readonly StateResource[];
  /** Resources of pending operations: where the parent and provider may come from. */
  readonly pending: readonly StateResource[];
}

/** Found only when a declared object is missing from the state: a complete state costs no call. */
export async function adoptMissing(
  template: Template,
  settings: CloudLookupSettings,
  context: RecoveryContext,
): Promise<{ resources: StateResource[]; settlements: Settlement[] }> {
  const resources: StateResource[] = [];
  const settlements: Settlement[] = [];
  const all = (): StateResource[] => [...template.resources, ...resources];
  const ofType = (type: string): StateResource | undefined => all().find((r) => r.type === type && r.delete !== true);
  const missing = context.declared.filter((d) => !held(d, all(), context.urnPrefix));
  if (missing.length === 0) return { resources, settlements };
  const links = parentAndProvider(template);

  for (const declared of missing) {
    const urn = `${context.urnPrefix}${declared.type}::${declared.resourceName}`;
    if (declared.type === CRON_TYPE) {
      const container = ofType(CONTAINER_TYPE);
      if (container?.id === undefined || links === undefined) continue;
      const taken = new Set(
        all()
          .filter((r) => r.type === CRON_TYPE)
          .map((r) => r.id),
      );
      const trigger = (await triggersOf(settings, declared.region, bareId(container.id))).find((t) => t.name === declared.name && !taken.has(`${declared.region}/${t.id}`));
      if (!trigger) continue;
      const id = `${declared.region}/${trigger.id}`;
      resources.push(adopted(urn, declared, id, { containerId: container.id }, container.urn, links));
      settlements.push({ kind: 'adopted', urn, type: declared.type, name: declared.resourceName, cloudId: id });
      continue;
    }
    const namespace = ofType(NAMESPACE_TYPE);
    if (declared.type === CONTAINER_TYPE && namespace?.id === undefined) continue;
    const belonging = await findByOwner(settings, context.owner, declared.type, declared.region, declared.name, bareId(namespace?.id));
    if (belonging === undefined) continue;
    if ('foreign' in belonging) {
      const owner = ownerOfTags(belonging.foreign.tags);
      settlements.push({
        kind: 'conflict',
        type: declared.type,
        name: declared.name,
        region: declared.region,
        cloudId: `${declared.region}/${belonging.foreign.id}`,
        ...(owner !== undefined ? { owner } : {}),
      });
      continue;
    }
    if (links === undefined) continue;
    const id = `${declared.region}/${belonging.mine.id}`;
    const link = declared.type === CONTAINER_TYPE ? { namespaceId: namespace!.id } : {};
    resources.push(adopted(urn, declared, id, link, declared.type === CONTAINER_TYPE ? namespace!.urn : undefined, links));
    settlements.push({ kind: 'adopted', urn, type: declared.type, name: declared.resourceName, cloudId: id });
  }
  return { resources, settlements };
}

/** The state holds it: under its URN or an alias, or (a Cron) any Cron of the same cloud name. */
export function held(declared: DeclaredObject, resources: readonly StateResource[], urnPrefix: string): boolean {
  const urns = [declared.resourceName, ...declared.aliases].map((name) => `${urnPrefix}${declared.type}::${name}`);
  return resources.some((r) => r.delete !== true && (urns.includes(r.urn) || (r.type === declared.type && (declared.type !== CRON_TYPE || r.inputs?.name === declared.name))));
}

interface Links {
  readonly parent: string;
  readonly provider: string;
}

/** Every custom resource of the stack hangs under the stack resource and the default provider. */
function parentAndProvider(template: Template): Links | undefined {
  const candidates = [...template.resources, ...template.pending].filter((r) => r.custom === true && typeof r.parent === 'string' && typeof r.provider === 'string');
  const stackUrn = template.resources.find((r) => r.type === 'pulumi:pulumi:Stack')?.urn;
  const sample = candidates.find((r) => r.parent === stackUrn) ?? candidates[0];
  if (sample === undefined) return undefined;
  const provider = sample.provider as string;
  // The provider reference is `<urn>::<id>`: that provider must be in the state.
  const providerUrn = provider.slice(0, provider.lastIndexOf('::'));
  if (!template.resources.some((r) => r.urn === providerUrn)) return undefined;
  return { parent: sample.parent as string, provider };
}

function adopted(urn: string, declared: DeclaredObject, id: string, link: Record<string, unknown>, dependency: string | undefined, links: Links): StateResource {
  const inputs = { ...declared.inputs, ...link };
  const linkName = Object.keys(link)[0];
  return {
    urn,
    custom: true,
    type: declared.type,
    id,
    parent: links.parent,
    provider: links.provider,
    inputs,
    outputs: { ...inputs, id },
    dependencies: dependency !== undefined ? [dependency] : [],
    ...(dependency !== undefined && linkName !== undefined ? { propertyDependencies: { [linkName]: [dependency] } } : {}),
  };
}

const RANK: Readonly<Record<string, number>> = { 'pulumi:pulumi:Stack': 0, [NAMESPACE_TYPE]: 2, [CONTAINER_TYPE]: 3, [CRON_TYPE]: 4 };

/** Dependencies first, as the engine requires of a state: the stack, providers, the namespace, the
 * container, its crons; the order within a type is kept. */
export function orderedForState(resources: readonly StateResource[]): StateResource[] {
  const rank = (r: StateResource): number => RANK[r.type] ?? (r.type.startsWith('pulumi:providers:') ? 1 : 5);
  return resources
    .map((r, index) => ({ r, index }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.index - b.index)
    .map(({ r }) => r);
}
