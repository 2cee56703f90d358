// /containers/v1/regions/{region}/namespaces: create, get, list, update, delete. Deleting a
// namespace deletes its containers and their triggers, as on the platform.
import { randomUUID } from 'node:crypto';
import { nowText, type CallContext } from './context.js';
import { badRequest, conflict, notFound, transientState } from './api-errors.js';
import { BodyReader } from './fields.js';
import { namespaceFilter } from './list-filters.js';
import { begin, TRANSIENT } from './lifecycle.js';
import { nextSecrets } from './secret-hashes.js';
import type { Cloud } from './store.js';
import { beginContainerDeletion } from './cascade.js';
import type { Body, NamespaceWire } from './wire.js';

/**
 * The platform's rule and its words (scaleway-cli#3165: "http error 400 Bad Request: namespace name
 * must begin with a letter, ..."): a plain 400, not an invalid_arguments one. Uppercase letters
 * are allowed (namespace names are case-sensitive, per the platform's documentation).
 */
const NAMESPACE_NAME = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
export const NAMESPACE_NAME_RULE = 'namespace name must begin with a letter, followed by letters, numbers or hyphens, and end with a letter or number.';

export function createNamespace(cloud: Cloud, ctx: CallContext, body: Body, secretHashes: Record<string, string>): NamespaceWire {
  const read = new BodyReader(body);
  const name = read.string('name');
  const projectId = read.string('project_id');
  const environment = read.stringMap('environment_variables') ?? {};
  const secrets = read.stringMap('secret_environment_variables') ?? {};
  const tags = read.strings('tags') ?? [];
  const description = read.string('description') ?? '';
  if (name === undefined || name === '') read.problem('name', 'a name is required', 'required');
  else if (name.length > 63) read.problem('name', 'namespace names are 63 characters at most', 'constraint');
  if (projectId === undefined || projectId === '') read.problem('project_id', 'a project id is required', 'required');
  read.check();
  if (!NAMESPACE_NAME.test(name!)) throw badRequest(NAMESPACE_NAME_RULE);

  const clash = Object.values(cloud.namespaces).find((n) => n.region === ctx.region && n.project_id === projectId && n.name === name);
  if (clash) throw conflict(`namespace with name ${name} already exists in this project (${clash.id})`);
  const namespace: NamespaceWire = {
    id: randomUUID(),
    name: name!,
    // The organization of the caller's credentials (the platform knows it from the API key); in a
    // default project the two are equal (as recorded), hence the fallback.
    organization_id: ctx.organizationId ?? projectId!,
    project_id: projectId!,
    description,
    status: 'creating',
    environment_variables: environment,
    secret_environment_variables: nextSecrets({}, secrets, secretHashes),
    tags,
    created_at: nowText(ctx.now),
    updated_at: nowText(ctx.now),
    region: ctx.region,
  };
  begin(namespace, 'creating', ctx.now, ctx.transitionMs, 'ready');
  cloud.namespaces[namespace.id] = namespace;
  return namespace;
}

export function getNamespace(cloud: Cloud, ctx: CallContext, id: string): NamespaceWire {
  const namespace = cloud.namespaces[id];
  if (!namespace || namespace.region !== ctx.region) throw notFound('namespace', id);
  return namespace;
}

export function listNamespaces(cloud: Cloud, ctx: CallContext, query: URLSearchParams): NamespaceWire[] {
  const wanted = namespaceFilter(query);
  return Object.values(cloud.namespaces).filter((n) => n.region === ctx.region && wanted(n));
}

export function updateNamespace(cloud: Cloud, ctx: CallContext, id: string, body: Body, secretHashes: Record<string, string>): NamespaceWire {
  const namespace = getNamespace(cloud, ctx, id);
  if (TRANSIENT.has(namespace.status)) throw transientState('namespace', id, namespace.status);
  const read = new BodyReader(body);
  const environment = read.stringMap('environment_variables');
  const secrets = read.stringMap('secret_environment_variables');
  const tags = read.strings('tags');
  const description = read.string('description');
  read.check();
  if (environment !== undefined) namespace.environment_variables = environment;
  if (secrets !== undefined) namespace.secret_environment_variables = nextSecrets(namespace.secret_environment_variables, secrets, secretHashes);
  if (tags !== undefined) namespace.tags = tags;
  if (description !== undefined) namespace.description = description;
  namespace.updated_at = nowText(ctx.now);
  // Recorded: a new description or tags are applied at once; new variables make it `updating`
  // (they are pushed to every container of the namespace).
  if (environment !== undefined || secrets !== undefined) begin(namespace, 'updating', ctx.now, ctx.transitionMs, 'ready');
  return namespace;
}

export function deleteNamespace(cloud: Cloud, ctx: CallContext, id: string): NamespaceWire {
  const namespace = getNamespace(cloud, ctx, id);
  if (namespace.status === 'deleting') throw transientState('namespace', id, namespace.status);
  for (const container of Object.values(cloud.containers)) {
    if (container.namespace_id === id && container.status !== 'deleting') beginContainerDeletion(cloud, ctx, container);
  }
  namespace.updated_at = nowText(ctx.now);
  begin(namespace, 'deleting', ctx.now, ctx.transitionMs, 'gone');
  return namespace;
}
