// One API call, from route to answer: fault gate, secret hashing (before the store lock: it is the
// only slow step), then the handler under the store lock, after due transitions have ended.
import type { CallContext } from './context.js';
import { createContainer, deleteContainer, getContainer, listContainers, redeployContainer, updateContainer } from './containers.js';
import { domainsNotSimulated, getDomain, listDomains } from './domains.js';
import type { FaultGate } from './fault-gate.js';
import { createNamespace, deleteNamespace, getNamespace, listNamespaces, updateNamespace } from './namespaces.js';
import { paginate } from './pagination.js';
import { FAULT_RESOURCE, faultOperation, type Route } from './routes.js';
import { hashRequestSecrets } from './secret-hashes.js';
import { settle } from './lifecycle.js';
import { readCloud, updateCloud, type Cloud } from './store.js';
import { createTrigger, deleteTrigger, getTrigger, listTriggers, updateTrigger } from './triggers.js';
import { publicView, type Body, type Kind } from './wire.js';

export interface ApiSettings {
  readonly storeDir: string;
  readonly gate: FaultGate;
  /** How long transitions last (ms); 0 = over by the next call. */
  readonly transitionMs: number;
  /** Epoch ms: Date.now, or a test's own clock, so that transitions are tested without waiting. */
  readonly clock: () => number;
  /** The organization of the callers' credentials: new namespaces belong to it (else to their project's id). */
  readonly organizationId?: string;
}

export async function handle(settings: ApiSettings, r: Route, query: URLSearchParams, body: Body): Promise<unknown> {
  // No fault rule names domains, and the sandbox keeps none: answered without the store.
  if (r.kind === 'domain') return domainAnswer(r, query);
  await settings.gate.enter(faultOperation(r.action), FAULT_RESOURCE[r.kind], blockedBy(r.kind, r, body));
  const deploys = r.kind === 'container' && (r.action === 'create' || r.action === 'update' || r.action === 'redeploy');
  const deployFailure = deploys ? await settings.gate.deployFailure(() => deployedImage(settings.storeDir, r, body)) : undefined;
  const secretHashes = r.action === 'create' || r.action === 'update' ? await hashRequestSecrets(body.secret_environment_variables) : {};

  return updateCloud(settings.storeDir, (cloud) => {
    const now = settings.clock();
    settle(cloud, now);
    const ctx: CallContext = {
      region: r.region,
      now,
      transitionMs: settings.transitionMs,
      ...(settings.organizationId !== undefined ? { organizationId: settings.organizationId } : {}),
      ...(deployFailure !== undefined ? { deployFailure } : {}),
    };
    const answer = dispatch(cloud, ctx, r, query, body, secretHashes);
    const view = Array.isArray(answer) ? paginate(r.collection, answer.map(publicView), query) : publicView(answer);
    // Instant transitions end here, after the answer was taken: the caller saw `creating` (or
    // `deleting`), the store already holds the end state for whoever looks next.
    if (settings.transitionMs <= 0) settle(cloud, now);
    return view;
  });
}

/** The image a container (re)deployment will run: the one sent, else the container's (a whole-file read, outside the lock). */
function deployedImage(storeDir: string, r: Route, body: Body): string | undefined {
  if (typeof body.image === 'string' && body.image !== '') return body.image;
  return r.id !== undefined ? readCloud(storeDir).containers[r.id]?.image : undefined;
}

/**
 * What a 409 names as being in a transient state: for a create, the parent the new object needs
 * ready (the namespace of a container, the container of a trigger), as the platform answers.
 */
function blockedBy(kind: Kind, r: Route, body: Body): { kind: Kind; id: string; state: string } {
  if (r.action === 'create' && kind === 'container') return { kind: 'namespace', id: String(body.namespace_id ?? ''), state: 'pending' };
  if (r.action === 'create' && kind === 'trigger') return { kind: 'container', id: String(body.container_id ?? ''), state: 'updating' };
  return { kind, id: r.id ?? '', state: 'pending' };
}

function domainAnswer(r: Route, query: URLSearchParams): unknown {
  if (r.action === 'list') return paginate(r.collection, listDomains(query), query);
  if (r.action === 'get' || r.action === 'update' || r.action === 'delete') return getDomain(r.id ?? '');
  return domainsNotSimulated();
}

function dispatch(cloud: Cloud, ctx: CallContext, r: Route, query: URLSearchParams, body: Body, hashes: Record<string, string>): object | object[] {
  const id = r.id ?? '';
  switch (`${r.kind}:${r.action}`) {
    case 'namespace:create':
      return createNamespace(cloud, ctx, body, hashes);
    case 'namespace:get':
      return getNamespace(cloud, ctx, id);
    case 'namespace:list':
      return listNamespaces(cloud, ctx, query);
    case 'namespace:update':
      return updateNamespace(cloud, ctx, id, body, hashes);
    case 'namespace:delete':
      return deleteNamespace(cloud, ctx, id);
    case 'container:create':
      return createContainer(cloud, ctx, body, hashes);
    case 'container:get':
      return getContainer(cloud, ctx, id);
    case 'container:list':
      return listContainers(cloud, ctx, query);
    case 'container:update':
      return updateContainer(cloud, ctx, id, body, hashes);
    case 'container:redeploy':
      return redeployContainer(cloud, ctx, id);
    case 'container:delete':
      return deleteContainer(cloud, ctx, id);
    case 'trigger:create':
      return createTrigger(cloud, ctx, body);
    case 'trigger:get':
      return getTrigger(cloud, ctx, id);
    case 'trigger:list':
      return listTriggers(cloud, ctx, query);
    case 'trigger:update':
      return updateTrigger(cloud, ctx, id, body);
    case 'trigger:delete':
      return deleteTrigger(cloud, ctx, id);
    default:
      throw new Error(`no handler for ${r.kind}:${r.action}`);
  }
}
