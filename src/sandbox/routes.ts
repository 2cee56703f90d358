// Which handler a request goes to. Paths are the containers v1 API's:
//   /containers/v1/regions/{region}/{namespaces|containers|triggers|domains}[/{id}[/redeploy]]
import type { FaultOperation, SandboxResource } from './faults.js';
import type { Kind } from './wire.js';

export type Collection = 'namespaces' | 'containers' | 'triggers' | 'domains';

export interface Route {
  readonly region: string;
  readonly collection: Collection;
  readonly kind: Kind | 'domain';
  readonly id?: string;
  readonly action: 'create' | 'get' | 'list' | 'update' | 'delete' | 'redeploy';
}

const PATH = /^\/containers\/v1\/regions\/([a-z]{2}-[a-z]{3,7})\/(namespaces|containers|triggers|domains)(?:\/([^/]+)(\/redeploy)?)?\/?$/;
const KINDS: Record<Collection, Route['kind']> = { namespaces: 'namespace', containers: 'container', triggers: 'trigger', domains: 'domain' };
export const FAULT_RESOURCE: Record<Kind, SandboxResource> = { namespace: 'Namespace', container: 'Container', trigger: 'Cron' };

export function route(method: string, pathname: string): Route | undefined {
  const match = PATH.exec(pathname);
  if (!match) return undefined;
  const [, region, collection, id, redeploy] = match as unknown as [string, string, Collection, string | undefined, string | undefined];
  const base = { region, collection, kind: KINDS[collection] };
  if (redeploy !== undefined) return method === 'POST' && collection === 'containers' && id ? { ...base, id, action: 'redeploy' } : undefined;
  if (id === undefined) {
    if (method === 'POST') return { ...base, action: 'create' };
    if (method === 'GET') return { ...base, action: 'list' };
    return undefined;
  }
  if (method === 'GET') return { ...base, id, action: 'get' };
  if (method === 'PATCH') return { ...base, id, action: 'update' };
  if (method === 'DELETE') return { ...base, id, action: 'delete' };
  return undefined;
}

/** The fault operation a call counts as (`read` covers every GET: refreshes and the provider's polling). */
export function faultOperation(action: Route['action']): FaultOperation {
  if (action === 'create') return 'create';
  if (action === 'update' || action === 'redeploy') return 'update';
  if (action === 'delete') return 'delete';
  return 'read';
}
