// `openmcf import`: what the cloud already has of a manifest, found by name in its project and
// region (cloud-lookup.ts: list calls only), as the engine's import wants it: type, logical name
// and the provider's id `{region}/{uuid}`. An object that carries another openmcf stack's
// ownership tag (`openmcf.org/stack=<org/project/stack>`, which openmcf puts on what it creates)
// belongs to that stack: it is reported as such, never taken.
import { findContainer, findNamespace, findTrigger, type CloudLookupSettings, type CloudObject } from './cloud-lookup.js';

export const OWNER_TAG_PREFIX = 'openmcf.org/stack=';

export interface WantedObject {
  readonly type: 'scaleway:containers/namespace:Namespace' | 'scaleway:containers/container:Container' | 'scaleway:containers/cron:Cron';
  /** The program's logical name: `namespace`, `container`, `cron-<trigger>`. */
  readonly resourceName: string;
  /** The name on the platform. */
  readonly name: string;
}

export interface FoundObject extends WantedObject {
  /** `{region}/{uuid}`: the id the provider takes. */
  readonly id: string;
  /** The stack the object's ownership tag names, when it has one. */
  readonly owner?: string;
}

export interface AdoptionLookup {
  readonly found: readonly FoundObject[];
  /** What the manifest names that the cloud does not have (apply creates it). */
  readonly missing: readonly WantedObject[];
}

/** Looks up the namespace, then the container in it, then each trigger of that container. */
export async function lookUpManifestObjects(
  settings: CloudLookupSettings,
  region: string,
  namespace: WantedObject,
  container: WantedObject,
  crons: readonly WantedObject[],
): Promise<AdoptionLookup> {
  const found: FoundObject[] = [];
  const missing: WantedObject[] = [];
  const namespaceObject = await findNamespace(settings, region, namespace.name);
  if (namespaceObject === undefined) return { found, missing: [namespace, container, ...crons] };
  found.push(foundObject(namespace, namespaceObject, region));
  const containerObject = await findContainer(settings, region, namespaceObject.id, container.name);
  if (containerObject === undefined) return { found, missing: [container, ...crons] };
  found.push(foundObject(container, containerObject, region));
  for (const cron of crons) {
    const trigger = await findTrigger(settings, region, containerObject.id, cron.name);
    if (trigger === undefined) missing.push(cron);
    else found.push(foundObject(cron, trigger, region));
  }
  return { found, missing };
}

function foundObject(wanted: WantedObject, object: CloudObject, region: string): FoundObject {
  const owner = ownerOf(object.tags);
  return { ...wanted, id: `${region}/${object.id}`, ...(owner !== undefined ? { owner } : {}) };
}

/** The stack named by an ownership tag, if the object has one. */
export function ownerOf(tags: readonly string[]): string | undefined {
  const tag = tags.find((t) => t.startsWith(OWNER_TAG_PREFIX));
  return tag === undefined ? undefined : tag.slice(OWNER_TAG_PREFIX.length);
}
