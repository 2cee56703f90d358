// Lists namespaces, containers and triggers through the Scaleway containers v1 API, with the run's
// own credentials and endpoint (SCW_SECRET_KEY, SCW_API_URL: what the provider uses). Only for
// recovery: telling what an interrupted or failed create left in the cloud, and whose it is
// (pending-creates.ts, cloud-adoption.ts). List calls only; nothing is changed here.

export interface CloudLookupSettings {
  /** `https://api.scaleway.com`, or the sandbox's local API. */
  readonly apiUrl: string;
  readonly secretKey: string;
  readonly projectId?: string;
}

/** A listed object: its id (a bare UUID, as the API gives it), name, tags and parent. */
export interface CloudObject {
  readonly id: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly status?: string;
  /** A container's namespace, a trigger's container (bare UUIDs). */
  readonly parentId?: string;
}

const DEFAULT_API_URL = 'https://api.scaleway.com';
const TIMEOUT_MS = 30_000;

/**
 * From the engine environment of the run over the process's own: the provider reads SCW_API_URL
 * from the environment the engine inherits, so a plain run pointed at another endpoint
 * (`SCW_API_URL=... openmcf apply`) is looked up there too. undefined without credentials.
 */
export function lookupSettings(
  engineEnv: Readonly<Record<string, string | undefined>>,
  inherited: Readonly<Record<string, string | undefined>> = process.env,
): CloudLookupSettings | undefined {
  const env = { ...inherited, ...engineEnv };
  const secretKey = env.SCW_SECRET_KEY;
  if (secretKey === undefined || secretKey === '') return undefined;
  const projectId = env.SCW_DEFAULT_PROJECT_ID;
  return { apiUrl: (env.SCW_API_URL || DEFAULT_API_URL).replace(/\/+$/, ''), secretKey, ...(projectId ? { projectId } : {}) };
}

/** Namespaces of that name (in the run's project when it is known), deleting ones left out. */
export async function namespacesNamed(settings: CloudLookupSettings, region: string, name: string): Promise<CloudObject[]> {
  const query = new URLSearchParams({ name, ...(settings.projectId ? { project_id: settings.projectId } : {}) });
  return named(await list(settings, region, 'namespaces', query), name);
}

export async function containersNamed(settings: CloudLookupSettings, region: string, namespaceId: string, name: string): Promise<CloudObject[]> {
  const found = await list(settings, region, 'containers', new URLSearchParams({ namespace_id: namespaceId, name }));
  return named(found, name).filter((c) => c.parentId === undefined || c.parentId === namespaceId);
}

/** Every trigger of a container, deleting ones left out. */
export async function triggersOf(settings: CloudLookupSettings, region: string, containerId: string): Promise<CloudObject[]> {
  const found = await list(settings, region, 'triggers', new URLSearchParams({ container_id: containerId }));
  return found.filter((t) => t.status !== 'deleting' && (t.parentId === undefined || t.parentId === containerId));
}

function named(objects: readonly CloudObject[], name: string): CloudObject[] {
  return objects.filter((o) => o.name === name && o.status !== 'deleting');
}

const PARENT_FIELD = { namespaces: undefined, containers: 'namespace_id', triggers: 'container_id' } as const;

async function list(settings: CloudLookupSettings, region: string, collection: 'namespaces' | 'containers' | 'triggers', query: URLSearchParams): Promise<CloudObject[]> {
  const found: CloudObject[] = [];
  const parentField = PARENT_FIELD[collection];
  for (let page = 1; ; page += 1) {
    query.set('page', String(page));
    query.set('page_size', '100');
    const url = `${settings.apiUrl}/containers/v1/regions/${encodeURIComponent(region)}/${collection}?${query.toString()}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: { 'X-Auth-Token': settings.secretKey }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      // fetch says only "fetch failed": name the endpoint (never the key) and the cause.
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      throw new Error(`listing ${collection} in ${region} at ${settings.apiUrl} failed: ${cause}`);
    }
    if (!response.ok) throw new Error(`listing ${collection} in ${region} failed: HTTP ${response.status}`);
    const body = (await response.json()) as Record<string, unknown>;
    const items = Array.isArray(body[collection]) ? (body[collection] as Array<Record<string, unknown>>) : [];
    for (const item of items) {
      const parent = parentField !== undefined ? item[parentField] : undefined;
      found.push({
        id: String(item.id ?? ''),
        name: String(item.name ?? ''),
        tags: Array.isArray(item.tags) ? item.tags.map(String) : [],
        ...(typeof item.status === 'string' ? { status: item.status } : {}),
        ...(typeof parent === 'string' && parent !== '' ? { parentId: parent } : {}),
      });
    }
    const total = typeof body.total_count === 'number' ? body.total_count : found.length;
    if (items.length === 0 || found.length >= total) return found;
  }
}
