// `openmcf import`: what the cloud already has of a manifest, found by name in its project and
// region (cloud-lookup.ts: list calls only), as the engine's import wants it: type, logical name
// and the provider's id `{region}/{uuid}`. An object that carries another openmcf stack's
// ownership tag (`openmcf.org/stack=<org/project/stack>`, which openmcf puts on what it creates)
// belongs to that stack: it is reported as such, never taken.
import { containersNamed, namespacesNamed, triggersOf, type CloudLookupSettings, type CloudObject } from './cloud-lookup.js';

// The first object of each name: the platform keeps names unique in their parent.
const findNamespace = async (settings: CloudLookupSettings, region: string, name: string): Promise<CloudObject | undefined> => (await namespacesNamed(settings, region, name))[0];
const findContainer = async (settings: CloudLookupSettings, region: string, namespaceId: string, name: string): Promise<CloudObject | undefined> =>
  (await containersNamed(settings, region, namespaceId, name))[0];
const findTrigger = async (settings: CloudLookupSettings, region: string, containerId: string, name: string): Promise<CloudObject | undefined> =>
  (await triggersOf(settings, region, containerId)).find((trigger) => trigger.name === name);

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
  /** A container's image as the cloud runs it. */
  readonly image?: string;
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
  found.push({ ...foundObject(container, containerObject, region), ...(await containerImage(settings, region, containerObject.id)) });
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

/** The container's image (`image`, or the older `registry_image`), read with one GET. */
async function containerImage(settings: CloudLookupSettings, region: string, id: string): Promise<{ image?: string }> {
  const url = `${settings.apiUrl}/containers/v1/regions/${encodeURIComponent(region)}/containers/${encodeURIComponent(id)}`;
  const response = await fetch(url, { headers: { 'X-Auth-Token': settings.secretKey }, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`reading container ${id} in ${region} failed: HTTP ${response.status}`);
  const body = (await response.json()) as { image?: unknown; registry_image?: unknown };
  const image = typeof body.image === 'string' && body.image !== '' ? body.image : typeof body.registry_image === 'string' ? body.registry_image : undefined;
  return image ? { image } : {};
}
