// A local API in this process and a plain HTTP client for it, as any client of the containers v1
// API (not the provider) would call it: for the tests of the API's own behaviour.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { startLocalApi, type LocalApiOptions } from '../../src/sandbox/server.js';

export const SECRET_KEY = '00000000-0000-4000-8000-000000000000';
export const PROJECT = '11111111-1111-4111-8111-111111111111';
export const REGION_PATH = '/containers/v1/regions/fr-par';

export interface Answer {
  readonly status: number;
  // Tests read fields freely; a missing one fails the assertion that reads it.
  readonly json: any;
}

export interface ApiClient {
  readonly url: string;
  readonly storeDir: string;
  call(method: string, path: string, body?: unknown): Promise<Answer>;
}

/** Calls `url` + `path` (paths under REGION_PATH may be given relative: `/namespaces`). */
export async function callApi(url: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const full = path.startsWith('/containers/v1/') ? path : `${REGION_PATH}${path}`;
  const response = await fetch(`${url}${full}`, {
    method,
    headers: { 'X-Auth-Token': SECRET_KEY, 'Content-Type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: await response.json() };
}

export async function apiClient(t: TestContext, options: Partial<LocalApiOptions> = {}): Promise<ApiClient> {
  const storeDir = options.storeDir ?? mkdtempSync(join(tmpdir(), 'openmcf-api-'));
  const api = await startLocalApi({ ...options, storeDir });
  t.after(async () => {
    await api.close();
    if (options.storeDir === undefined) rmSync(storeDir, { recursive: true, force: true });
  });
  return { url: api.url, storeDir, call: (method, path, body) => callApi(api.url, method, path, body) };
}

/** A namespace, a container in it and a cron trigger on that, each asserted created. */
export async function createChain(api: ApiClient, name: string, projectId = PROJECT): Promise<{ namespace: string; container: string; trigger: string }> {
  const ns = await api.call('POST', '/namespaces', { name, project_id: projectId });
  if (ns.status !== 200) throw new Error(`namespace ${name}: ${ns.status} ${JSON.stringify(ns.json)}`);
  const container = await api.call('POST', '/containers', { namespace_id: ns.json.id, name, image: 'nginx:latest' });
  if (container.status !== 200) throw new Error(`container ${name}: ${container.status} ${JSON.stringify(container.json)}`);
  const trigger = await api.call('POST', '/triggers', { container_id: container.json.id, name: `${name}-cron`, cron_config: { schedule: '0 2 * * *', timezone: 'Europe/Paris' } });
  if (trigger.status !== 200) throw new Error(`trigger ${name}: ${trigger.status} ${JSON.stringify(trigger.json)}`);
  return { namespace: ns.json.id, container: container.json.id, trigger: trigger.json.id };
}
