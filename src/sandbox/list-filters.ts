// Which objects a list call returns, for every query parameter the containers v1 API defines on
// its lists (scaleway-sdk-go api/container/v1, List{Namespaces,Containers,Triggers,Domains}Request):
//
//   namespaces  organization_id, project_id, name
//   containers  organization_id, project_id, namespace_id, name
//   triggers    organization_id, project_id, namespace_id, container_id, trigger_type
//   domains     organization_id, project_id, namespace_id, container_id
//
// plus page, page_size and order_by (pagination.ts). An empty parameter filters nothing, as an
// absent one (the SDK leaves unset ones out, other clients send them empty), and so does an enum's
// `unknown_*` value (the Scaleway CLI always sends `trigger_type=unknown_source_type`). A value of
// the wrong form is the API's 400 naming the parameter. Containers, triggers and domains belong to
// the project and organization of their namespace. Parameters the API does not define are ignored.
import { invalidArguments, type ArgumentProblem } from './api-errors.js';
import type { Cloud } from './store.js';
import type { ContainerWire, NamespaceWire, TriggerWire } from './wire.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Trigger source types of the v1 API; openmcf (the provider's `scaleway_container_cron`) makes `cron` ones only. */
export const TRIGGER_SOURCE_TYPES = ['cron', 'sqs', 'nats'] as const;

export interface Owner {
  readonly organizationId?: string;
  readonly projectId?: string;
}

/** The parameters of a list call, read and checked; undefined = no filter. */
class ListQuery {
  private readonly problems: ArgumentProblem[] = [];
  constructor(private readonly query: URLSearchParams) {}

  id(key: string): string | undefined {
    const value = this.text(key);
    if (value !== undefined && !UUID.test(value)) this.problems.push({ argument: key, reason: 'format', help: `must be a UUID (got ${JSON.stringify(value)})` });
    return value;
  }

  text(key: string): string | undefined {
    const value = this.query.get(key);
    return value === null || value === '' ? undefined : value;
  }

  /** An enum parameter; `unknown` is the enum's zero value (`unknown_source_type`), which filters nothing. */
  oneOf(key: string, allowed: readonly string[], unknown: string): string | undefined {
    const value = this.text(key);
    if (value === undefined || value === unknown) return undefined;
    if (!allowed.includes(value)) this.problems.push({ argument: key, reason: 'format', help: `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})` });
    return value;
  }

  check(): void {
    if (this.problems.length > 0) throw invalidArguments(this.problems);
  }
}

function same(wanted: string | undefined, actual: string | undefined): boolean {
  return wanted === undefined || wanted === actual;
}

function ownedBy(owner: Owner | undefined, organizationId: string | undefined, projectId: string | undefined): boolean {
  return same(organizationId, owner?.organizationId) && same(projectId, owner?.projectId);
}

export function namespaceOwner(namespace: NamespaceWire | undefined): Owner | undefined {
  return namespace && { organizationId: namespace.organization_id, projectId: namespace.project_id };
}

export function containerOwner(cloud: Cloud, container: ContainerWire | undefined): Owner | undefined {
  return container && namespaceOwner(cloud.namespaces[container.namespace_id]);
}

export function namespaceFilter(query: URLSearchParams): (n: NamespaceWire) => boolean {
  const q = new ListQuery(query);
  const [organizationId, projectId, name] = [q.id('organization_id'), q.id('project_id'), q.text('name')];
  q.check();
  return (n) => same(name, n.name) && ownedBy(namespaceOwner(n), organizationId, projectId);
}

export function containerFilter(cloud: Cloud, query: URLSearchParams): (c: ContainerWire) => boolean {
  const q = new ListQuery(query);
  const [organizationId, projectId, namespaceId, name] = [q.id('organization_id'), q.id('project_id'), q.id('namespace_id'), q.text('name')];
  q.check();
  return (c) => same(namespaceId, c.namespace_id) && same(name, c.name) && ownedBy(containerOwner(cloud, c), organizationId, projectId);
}

export function triggerFilter(cloud: Cloud, query: URLSearchParams): (t: TriggerWire) => boolean {
  const q = new ListQuery(query);
  const organizationId = q.id('organization_id');
  const projectId = q.id('project_id');
  const namespaceId = q.id('namespace_id');
  const containerId = q.id('container_id');
  const sourceType = q.oneOf('trigger_type', TRIGGER_SOURCE_TYPES, 'unknown_source_type');
  q.check();
  return (t) => {
    const container = cloud.containers[t.container_id];
    return (
      same(containerId, t.container_id) &&
      same(namespaceId, container?.namespace_id) &&
      same(sourceType, t.source_type) &&
      ownedBy(containerOwner(cloud, container), organizationId, projectId)
    );
  };
}

/** Domains: checked like the others; the sandbox has none to filter (domains.ts). */
export function checkDomainQuery(query: URLSearchParams): void {
  const q = new ListQuery(query);
  for (const key of ['organization_id', 'project_id', 'namespace_id', 'container_id']) q.id(key);
  q.check();
}
