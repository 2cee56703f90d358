// scaleway:containers/container:Container, as the bridged Terraform resource behaves: schema
// checks, create then deploy (waiting for `ready` or `error`; `error` is not a failure, exactly
// like upstream), read-back outputs, replacement on name/region only.
import { bridged } from './api-errors.js';
import { containerOutputs, containerRequest, needsRedeploy } from './container-settings.js';
import { autoName, checkConflict, checkEnum, checkEnvMap, checkRegion, checkRequired, Failures, known } from './checks.js';
import type { DiffSpec } from './diff.js';
import { isNotFound, parseRegionalId, regionalId, type ResourceContext, type SandboxResourceType } from './resource.js';
import { reveal, str, type Props } from './wire.js';

const SPEC: DiffSpec = {
  inputs: [
    'name', 'namespaceId', 'region', 'description', 'image', 'registryImage', 'port', 'privacy', 'protocol', 'minScale', 'maxScale',
    'memoryLimit', 'memoryLimitBytes', 'cpuLimit', 'timeout', 'sandbox', 'localStorageLimit', 'localStorageLimitBytes',
    'httpsConnectionsOnly', 'httpOption', 'commands', 'args', 'environmentVariables', 'secretEnvironmentVariables',
    'scalingOptions', 'livenessProbe', 'privateNetworkId', 'registrySha256', 'tags', 'deploy',
  ],
  computed: [
    'name', 'region', 'image', 'registryImage', 'port', 'minScale', 'maxScale', 'memoryLimit', 'memoryLimitBytes', 'cpuLimit', 'timeout',
    'sandbox', 'localStorageLimit', 'localStorageLimitBytes', 'httpsConnectionsOnly', 'httpOption', 'environmentVariables',
    'scalingOptions', 'livenessProbe',
  ],
  // namespaceId is not ForceNew upstream: changing it is an update the API cannot apply (a
  // container cannot move), so a program must ask for replacement itself (replaceOnChanges).
  replaces: ['name', 'region'],
};

export function containerType(context: ResourceContext): SandboxResourceType {
  const { api, defaults } = context;

  /** The container lives in its own region; its namespace is looked up there. */
  const locate = (inputs: Props) => {
    const region = str(inputs.region) ?? defaults.region;
    return { region, namespaceId: parseRegionalId(str(reveal(inputs.namespaceId)) ?? '', region).id };
  };

  return {
    check(resourceName, olds, news) {
      const failures = new Failures();
      checkRequired(failures, news, 'namespaceId');
      checkRegion(failures, news);
      checkEnum(failures, news, 'privacy', ['public', 'private']);
      checkEnum(failures, news, 'protocol', ['http1', 'h2c']);
      checkEnum(failures, news, 'sandbox', ['v1', 'v2']);
      checkEnum(failures, news, 'httpOption', ['enabled', 'redirected']);
      checkConflict(failures, news, 'image', 'registryImage');
      checkConflict(failures, news, 'memoryLimit', 'memoryLimitBytes');
      checkConflict(failures, news, 'localStorageLimit', 'localStorageLimitBytes');
      checkConflict(failures, news, 'httpOption', 'httpsConnectionsOnly');
      if (news.image === undefined && news.registryImage === undefined) failures.add('image', 'one of `image,registryImage` must be specified');
      checkEnvMap(failures, news, 'environmentVariables', 1000);
      checkEnvMap(failures, news, 'secretEnvironmentVariables', 65536);
      checkProbe(failures, news);
      // Schema defaults the bridge fills in (Terraform `Default:`), so they show in the inputs.
      const inputs = autoName({ privacy: 'public', protocol: 'http1', ...news }, olds, resourceName);
      return { inputs, failures: failures.list };
    },

    diffSpec: SPEC,

    async create(inputs) {
      try {
        const record = await api.createContainer(containerRequest(inputs, locate(inputs)));
        return { id: regionalId(record.region, record.id), outs: containerOutputs(record, inputs) };
      } catch (error) {
        throw bridged('creation container error', error);
      }
    },

    async read(id, props) {
      const where = parseRegionalId(id, defaults.region);
      try {
        return { id, props: containerOutputs(await api.getContainer(where.region, where.id, 'read'), props) };
      } catch (error) {
        if (isNotFound(error)) return { id: '' };
        throw bridged('unexpected waiting container error', error);
      }
    },

    async update(id, olds, news) {
      const where = parseRegionalId(id, defaults.region);
      try {
        const current = await api.getContainer(where.region, where.id);
        const request = containerRequest(news, { region: current.region, namespaceId: current.namespaceId }, current);
        const record = await api.updateContainer(where.region, where.id, request, needsRedeploy(current, request) || news.deploy !== olds.deploy);
        return containerOutputs(record, news);
      } catch (error) {
        throw bridged(undefined, error);
      }
    },

    async delete(id) {
      const where = parseRegionalId(id, defaults.region);
      try {
        await api.deleteContainer(where.region, where.id);
      } catch (error) {
        if (!isNotFound(error)) throw bridged(undefined, error);
      }
    },
  };
}

/** livenessProbe needs failureThreshold, interval and timeout, as the provider's schema says. */
function checkProbe(failures: Failures, news: Props): void {
  const probe = news.livenessProbe;
  if (!known(probe)) return;
  const value = reveal(probe) as Props;
  for (const field of ['failureThreshold', 'interval', 'timeout']) {
    if (value[field] === undefined) failures.add(`livenessProbe.${field}`, `Missing required argument: livenessProbe.${field} is required`);
  }
  for (const field of ['interval', 'timeout']) {
    const text = value[field];
    if (typeof text === 'string' && !/^\d+(\.\d+)?(ms|s|m|h)$/.test(text)) failures.add(`livenessProbe.${field}`, `"${text}" is not a duration (e.g. 10s)`);
  }
}
