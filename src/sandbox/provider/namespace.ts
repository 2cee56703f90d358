// scaleway:containers/namespace:Namespace, as the bridged Terraform resource behaves.
import type { NamespaceRecord } from '../store.js';
import { bridged } from './api-errors.js';
import { autoName, checkEnvMap, checkRegion, Failures } from './checks.js';
import type { DiffSpec } from './diff.js';
import { isNotFound, parseRegionalId, regionalId, type ResourceContext, type SandboxResourceType } from './resource.js';
import { keptSecrets } from './secrets.js';
import { compact, reveal, str, stringList, stringMap, type Props } from './wire.js';

const SPEC: DiffSpec = {
  inputs: ['name', 'description', 'region', 'projectId', 'environmentVariables', 'secretEnvironmentVariables', 'tags', 'destroyRegistry'],
  computed: ['name', 'region', 'projectId', 'environmentVariables'],
  replaces: ['name', 'region', 'projectId'],
};

export function namespaceType(context: ResourceContext): SandboxResourceType {
  const { api, defaults } = context;

  const outputs = (record: NamespaceRecord, inputs: Props): Props =>
    compact({
      name: record.name,
      description: record.description,
      region: record.region,
      projectId: record.projectId,
      organizationId: record.organizationId,
      environmentVariables: record.environmentVariables,
      // The API returns hashes only; like the real provider, state keeps what was sent (as a
      // secret), minus the values changed in the cloud since.
      secretEnvironmentVariables: keptSecrets(inputs.secretEnvironmentVariables, record.secretEnvironmentVariables),
      tags: record.tags,
      registryEndpoint: record.registryEndpoint,
      registryNamespaceId: record.registryNamespaceId,
      destroyRegistry: inputs.destroyRegistry,
    });

  /** Inputs left out keep the cloud's value when Computed (environmentVariables), else clear. */
  const settings = (news: Props, current?: NamespaceRecord) => ({
    description: str(reveal(news.description)) ?? '',
    environmentVariables: news.environmentVariables === undefined && current ? current.environmentVariables : stringMap(reveal(news.environmentVariables)),
    secretEnvironmentVariables: stringMap(reveal(news.secretEnvironmentVariables)),
    tags: stringList(reveal(news.tags)),
  });

  return {
    check(resourceName, olds, news) {
      const failures = new Failures();
      checkRegion(failures, news);
      checkEnvMap(failures, news, 'environmentVariables', 1000);
      checkEnvMap(failures, news, 'secretEnvironmentVariables', 65536);
      return { inputs: autoName(news, olds, resourceName), failures: failures.list };
    },

    diffSpec: SPEC,

    async create(inputs) {
      try {
        const region = str(inputs.region) ?? defaults.region;
        const record = await api.createNamespace({
          region,
          name: str(inputs.name) ?? '',
          projectId: str(inputs.projectId) ?? defaults.projectId,
          organizationId: defaults.organizationId,
          ...settings(inputs),
        });
        return { id: regionalId(region, record.id), outs: outputs(record, inputs) };
      } catch (error) {
        throw bridged('error creating container namespace', error);
      }
    },

    async read(id, props) {
      const where = parseRegionalId(id, defaults.region);
      try {
        return { id, props: outputs(await api.getNamespace(where.region, where.id, 'read'), props) };
      } catch (error) {
        if (isNotFound(error)) return { id: '' };
        throw bridged(undefined, error);
      }
    },

    async update(id, _olds, news) {
      const where = parseRegionalId(id, defaults.region);
      try {
        const current = await api.getNamespace(where.region, where.id);
        return outputs(await api.updateNamespace(where.region, where.id, settings(news, current)), news);
      } catch (error) {
        throw bridged(undefined, error);
      }
    },

    async delete(id) {
      const where = parseRegionalId(id, defaults.region);
      try {
        await api.deleteNamespace(where.region, where.id);
      } catch (error) {
        if (!isNotFound(error)) throw bridged(undefined, error);
      }
    },
  };
}
