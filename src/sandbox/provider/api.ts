// The simulated Serverless Containers API (v1) over the on-disk store: what Scaleway does on its
// side. Ids are bare UUIDs here, as in the API; the store is keyed by `{region}/{uuid}`.
import { createHash, randomUUID } from 'node:crypto';
import type { FaultOperation } from '../faults.js';
import { readCloud, updateCloud, type ContainerRecord, type CronRecord, type MutableCloud, type NamespaceRecord } from '../store.js';
import { conflict, invalidArguments, notFound, transientState } from './api-errors.js';
import type { FaultGate } from './fault-gate.js';
import { checkResourceName, containerProblems } from './validate-api.js';

export type NamespaceRequest = Omit<NamespaceRecord, 'id' | 'registryEndpoint' | 'registryNamespaceId' | 'status' | 'createdAt' | 'updatedAt' | 'secretEnvironmentVariables'> & {
  /** Plain values; only their hashes are stored. */
  readonly secretEnvironmentVariables: Record<string, string>;
};
export type ContainerRequest = Omit<ContainerRecord, 'id' | 'domainName' | 'status' | 'errorMessage' | 'deployments' | 'createdAt' | 'updatedAt' | 'secretEnvironmentVariables'> & {
  readonly secretEnvironmentVariables: Record<string, string>;
};
export type CronRequest = Omit<CronRecord, 'id' | 'status'>;

const TRANSIENT = new Set(['creating', 'updating', 'deleting', 'locking', 'upgrading', 'pending']);

export const key = (region: string, id: string): string => `${region}/${id}`;

export function hashSecrets(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, `sha256:${createHash('sha256').update(v).digest('hex')}`]));
}

const alnum = (text: string): string => text.replace(/[^a-zA-Z0-9]/g, '');
const now = (): string => new Date().toISOString();

export function containerDomain(namespace: NamespaceRecord, containerName: string): string {
  return `${alnum(namespace.name)}${namespace.id.slice(0, 8)}-${containerName}.functions.fnc.${namespace.region}.scw.cloud`;
}

export class SandboxApi {
  constructor(
    private readonly storeDir: string,
    private readonly faults: FaultGate,
  ) {}

  // -- namespaces -------------------------------------------------------------------------------

  async getNamespace(region: string, id: string, operation?: FaultOperation): Promise<NamespaceRecord> {
    if (operation) await this.faults.enter(operation, 'Namespace', { resource: 'namespace', id, state: 'pending' });
    const found = readCloud(this.storeDir).namespaces[key(region, id)];
    if (!found) throw notFound('namespace', id);
    return found;
  }

  async createNamespace(request: NamespaceRequest): Promise<NamespaceRecord> {
    const id = randomUUID();
    await this.faults.enter('create', 'Namespace', { resource: 'namespace', id, state: 'pending' });
    const problems = checkResourceName('namespace', request.name);
    if (problems.length > 0) throw invalidArguments(problems);
    return updateCloud(this.storeDir, (cloud) => {
      const clash = Object.values(cloud.namespaces).find((n) => n.name === request.name && n.projectId === request.projectId && n.region === request.region);
      if (clash) throw conflict(`namespace "${request.name}" already exists in project ${request.projectId} (${request.region}): ${clash.id}`);
      const record: NamespaceRecord = {
        ...request,
        id,
        secretEnvironmentVariables: hashSecrets(request.secretEnvironmentVariables),
        registryEndpoint: `rg.${request.region}.scw.cloud/funcscw${alnum(request.name).toLowerCase()}${id.slice(0, 8)}`,
        registryNamespaceId: randomUUID(),
        status: 'ready',
        createdAt: now(),
        updatedAt: now(),
      };
      cloud.namespaces = { ...cloud.namespaces, [key(record.region, id)]: record };
      return record;
    });
  }

  async updateNamespace(region: string, id: string, patch: Pick<NamespaceRequest, 'description' | 'environmentVariables' | 'secretEnvironmentVariables' | 'tags'>): Promise<NamespaceRecord> {
    await this.faults.enter('update', 'Namespace', { resource: 'namespace', id, state: 'pending' });
    return updateCloud(this.storeDir, (cloud) => {
      const current = cloud.namespaces[key(region, id)];
      if (!current) throw notFound('namespace', id);
      const record: NamespaceRecord = { ...current, ...patch, secretEnvironmentVariables: hashSecrets(patch.secretEnvironmentVariables), updatedAt: now() };
      cloud.namespaces = { ...cloud.namespaces, [key(region, id)]: record };
      return record;
    });
  }

  /** Deleting a namespace deletes its containers and their crons. */
  async deleteNamespace(region: string, id: string): Promise<void> {
    await this.faults.enter('delete', 'Namespace', { resource: 'namespace', id, state: 'deleting' });
    await updateCloud(this.storeDir, (cloud) => {
      if (!cloud.namespaces[key(region, id)]) throw notFound('namespace', id);
      const { [key(region, id)]: _gone, ...rest } = cloud.namespaces;
      cloud.namespaces = rest;
      for (const container of Object.values(cloud.containers)) {
        if (container.region === region && container.namespaceId === id) removeContainer(cloud, container);
      }
    });
  }

  // -- containers -------------------------------------------------------------------------------

  async getContainer(region: string, id: string, operation?: FaultOperation): Promise<ContainerRecord> {
    if (operation) await this.faults.enter(operation, 'Container', { resource: 'container', id, state: 'updating' });
    const found = readCloud(this.storeDir).containers[key(region, id)];
    if (!found) throw notFound('container', id);
    return found;
  }

  /** Creates the container, then deploys it: `creating` until the deploy ends `ready` or `error`. */
  async createContainer(request: ContainerRequest): Promise<ContainerRecord> {
    await this.faults.enter('create', 'Container', { resource: 'namespace', id: request.namespaceId, state: 'pending' }, { delay: false });
    const problems = containerProblems({ ...request, secretEnvironmentVariables: {} }, Object.keys(request.secretEnvironmentVariables));
    if (problems.length > 0) throw invalidArguments(problems);
    const id = randomUUID();
    await updateCloud(this.storeDir, (cloud) => {
      const namespace = cloud.namespaces[key(request.region, request.namespaceId)];
      if (!namespace) throw notFound('namespace', request.namespaceId);
      const clash = Object.values(cloud.containers).find((c) => c.region === request.region && c.namespaceId === request.namespaceId && c.name === request.name);
      if (clash) throw conflict(`container "${request.name}" already exists in namespace ${request.namespaceId}: ${clash.id}`);
      const record: ContainerRecord = {
        ...request,
        id,
        secretEnvironmentVariables: hashSecrets(request.secretEnvironmentVariables),
        domainName: containerDomain(namespace, request.name),
        status: 'creating',
        errorMessage: '',
        deployments: 0,
        createdAt: now(),
        updatedAt: now(),
      };
      cloud.containers = { ...cloud.containers, [key(request.region, id)]: record };
    });
    return this.finishDeploy(request.region, id);
  }

  async updateContainer(region: string, id: string, patch: ContainerRequest, redeploy: boolean): Promise<ContainerRecord> {
    const current = await this.getContainer(region, id);
    await this.faults.enter('update', 'Container', { resource: 'container', id, state: redeploy ? 'updating' : current.status }, { delay: !redeploy });
    const problems = containerProblems({ ...patch, secretEnvironmentVariables: {} }, Object.keys(patch.secretEnvironmentVariables));
    if (problems.length > 0) throw invalidArguments(problems);
    await updateCloud(this.storeDir, (cloud) => {
      const existing = cloud.containers[key(region, id)];
      if (!existing) throw notFound('container', id);
      // The API has no way to rename or move a container: those fields stay as they are.
      const record: ContainerRecord = {
        ...existing,
        ...patch,
        name: existing.name,
        namespaceId: existing.namespaceId,
        region: existing.region,
        secretEnvironmentVariables: hashSecrets(patch.secretEnvironmentVariables),
        status: redeploy ? 'updating' : existing.status,
        updatedAt: now(),
      };
      cloud.containers = { ...cloud.containers, [key(region, id)]: record };
    });
    return redeploy ? this.finishDeploy(region, id) : this.getContainer(region, id);
  }

  /** Deleting a container deletes its crons. */
  async deleteContainer(region: string, id: string): Promise<void> {
    await this.faults.enter('delete', 'Container', { resource: 'container', id, state: 'deleting' });
    await updateCloud(this.storeDir, (cloud) => {
      const container = cloud.containers[key(region, id)];
      if (!container) throw notFound('container', id);
      removeContainer(cloud, container);
    });
  }

  /** The deploy itself: a `delay` fault keeps the container `creating`/`updating` that long. */
  private async finishDeploy(region: string, id: string): Promise<ContainerRecord> {
    await this.faults.delay('Container');
    const failure = await this.faults.deployError();
    return updateCloud(this.storeDir, (cloud) => {
      const existing = cloud.containers[key(region, id)];
      if (!existing) throw notFound('container', id);
      const record: ContainerRecord = {
        ...existing,
        status: failure === undefined ? 'ready' : 'error',
        errorMessage: failure ?? '',
        deployments: existing.deployments + 1,
        updatedAt: now(),
      };
      cloud.containers = { ...cloud.containers, [key(region, id)]: record };
      return record;
    });
  }

  // -- crons ------------------------------------------------------------------------------------

  async getCron(region: string, id: string, operation?: FaultOperation): Promise<CronRecord> {
    if (operation) await this.faults.enter(operation, 'Cron', { resource: 'cron', id, state: 'updating' });
    const found = readCloud(this.storeDir).crons[key(region, id)];
    if (!found) throw notFound('cron', id);
    return found;
  }

  /** A cron can only be added to a container that is not in a transient state (else 409). */
  async createCron(request: CronRequest): Promise<CronRecord> {
    await this.faults.enter('create', 'Cron', { resource: 'container', id: request.containerId, state: 'updating' });
    return updateCloud(this.storeDir, (cloud) => {
      const container = cloud.containers[key(request.region, request.containerId)];
      if (!container) throw notFound('container', request.containerId);
      if (TRANSIENT.has(container.status)) throw transientState('container', container.id, container.status);
      const record: CronRecord = { ...request, id: randomUUID(), status: 'ready' };
      cloud.crons = { ...cloud.crons, [key(record.region, record.id)]: record };
      return record;
    });
  }

  async updateCron(region: string, id: string, patch: Partial<Pick<CronRecord, 'schedule' | 'args' | 'name'>>): Promise<CronRecord> {
    await this.faults.enter('update', 'Cron', { resource: 'cron', id, state: 'updating' });
    return updateCloud(this.storeDir, (cloud) => {
      const existing = cloud.crons[key(region, id)];
      if (!existing) throw notFound('cron', id);
      const record: CronRecord = { ...existing, ...patch };
      cloud.crons = { ...cloud.crons, [key(region, id)]: record };
      return record;
    });
  }

  async deleteCron(region: string, id: string): Promise<void> {
    await this.faults.enter('delete', 'Cron', { resource: 'cron', id, state: 'deleting' });
    await updateCloud(this.storeDir, (cloud) => {
      if (!cloud.crons[key(region, id)]) throw notFound('cron', id);
      const { [key(region, id)]: _gone, ...rest } = cloud.crons;
      cloud.crons = rest;
    });
  }
}

function removeContainer(cloud: MutableCloud, container: ContainerRecord): void {
  const { [key(container.region, container.id)]: _gone, ...containers } = cloud.containers;
  cloud.containers = containers;
  cloud.crons = Object.fromEntries(
    Object.entries(cloud.crons).filter(([, cron]) => !(cron.region === container.region && cron.containerId === container.id)),
  );
}
