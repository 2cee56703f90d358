// Reads one namespace, container or cron trigger by id through the Scaleway containers v1 API,
// with the run's own credentials and endpoint (see cloud-lookup.ts, which finds them by name):
// what `openmcf status` shows is what the platform says now, not what the state recorded at the
// last run. GET calls only; nothing is changed here.
import type { CloudLookupSettings } from './cloud-lookup.js';

export type LiveCollection = 'namespaces' | 'containers' | 'triggers';

/** The object as the API answers it (snake_case fields), or `missing` on a 404. */
export type LiveRead = { readonly kind: 'found'; readonly object: Readonly<Record<string, unknown>> } | { readonly kind: 'missing' };

const TIMEOUT_MS = 30_000;

/** `fr-par/11111111-...` (the provider's ids) -> region and bare id; a bare id takes `fallbackRegion`. */
export function splitRegionalId(id: string, fallbackRegion?: string): { region: string; id: string } | undefined {
  const slash = id.indexOf('/');
  if (slash > 0) return { region: id.slice(0, slash), id: id.slice(slash + 1) };
  return fallbackRegion ? { region: fallbackRegion, id } : undefined;
}

export async function readLiveObject(settings: CloudLookupSettings, collection: LiveCollection, region: string, id: string): Promise<LiveRead> {
  const url = `${settings.apiUrl}/containers/v1/regions/${encodeURIComponent(region)}/${collection}/${encodeURIComponent(id)}`;
  const response = await fetch(url, { headers: { 'X-Auth-Token': settings.secretKey }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.status === 404) return { kind: 'missing' };
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    const message = /"message"\s*:\s*"([^"]*)"/.exec(body)?.[1];
    throw new Error(`reading ${collection.slice(0, -1)} ${id} in ${region} failed: HTTP ${response.status}${message ? ` (${message})` : ''}`);
  }
  return { kind: 'found', object: (await response.json()) as Record<string, unknown> };
}
