// Finds namespaces, containers and triggers by name through the Scaleway containers v1 API, with
// the run's own credentials and endpoint (SCW_SECRET_KEY, SCW_API_URL: what the provider uses).
// Only for recovery: telling what an interrupted create left in the cloud (pending-creates.ts).
// List calls only; nothing is changed here.

export interface CloudLookupSettings {
  /** `https://api.scaleway.com`, or the sandbox's local API. */
  readonly apiUrl: string;
  readonly secretKey: string;
  readonly projectId?: string;
}

/** A listed object: its id (a bare UUID, as the API gives it), name and tags. */
export interface CloudObject {
  readonly id: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly status?: string;
}

const DEFAULT_API_URL = 'https://api.scaleway.com';
const TIMEOUT_MS = 30_000;

/** From the engine environment of the run; undefined when it has no credentials. */
export function lookupSettings(env: Readonly<Record<string, string | undefined>>): CloudLookupSettings | undefined {
  const secretKey = env.SCW_SECRET_KEY;
  if (secretKey === undefined || secretKey === '') return undefined;
  const projectId = env.SCW_DEFAULT_PROJECT_ID;
  return { apiUrl: (env.SCW_API_URL || DEFAULT_API_URL).replace(/\/+$/, ''), secretKey, ...(projectId ? { projectId } : {}) };
}

export async function findNamespace(settings: CloudLookupSettings, region: string, name: string): Promise<CloudObject | undefined> {
  const query = new URLSearchParams({ name, ...(settings.projectId ? { project_id: settings.projectId } : {}) });
  return first(await list(settings, region, 'namespaces', query), name);
}

export async function findContainer(settings: CloudLookupSettings, region: string, namespaceId: string, name: string): Promise<CloudObject | undefined> {
  return first(await list(settings, region, 'containers', new URLSearchParams({ namespace_id: namespaceId, name })), name);
}

export async function findTrigger(settings: CloudLookupSettings, region: string, containerId: string, name: string): Promise<CloudObject | undefined> {
  return first(await list(settings, region, 'triggers', new URLSearchParams({ container_id: containerId })), name);
}

function first(objects: readonly CloudObject[], name: string): CloudObject | undefined {
  return objects.find((o) => o.name === name && o.status !== 'deleting');
}

async function list(settings: CloudLookupSettings, region: string, collection: 'namespaces' | 'containers' | 'triggers', query: URLSearchParams): Promise<CloudObject[]> {
  const found: CloudObject[] = [];
  for (let page = 1; ; page += 1) {
    query.set('page', String(page));
    query.set('page_size', '100');
    const url = `${settings.apiUrl}/containers/v1/regions/${encodeURIComponent(region)}/${collection}?${query.toString()}`;
    const response = await fetch(url, { headers: { 'X-Auth-Token': settings.secretKey }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new Error(`listing ${collection} in ${region} failed: HTTP ${response.status}`);
    const body = (await response.json()) as Record<string, unknown>;
    const items = Array.isArray(body[collection]) ? (body[collection] as Array<Record<string, unknown>>) : [];
    for (const item of items) {
      found.push({
        id: String(item.id ?? ''),
        name: String(item.name ?? ''),
        tags: Array.isArray(item.tags) ? item.tags.map(String) : [],
        ...(typeof item.status === 'string' ? { status: item.status } : {}),
      });
    }
    const total = typeof body.total_count === 'number' ? body.total_count : found.length;
    if (items.length === 0 || found.length >= total) return found;
  }
}
