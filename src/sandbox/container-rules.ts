// What the platform refuses in a container's settings (HTTP 400 "invalid argument(s)"), checked
// on the settings a create or update would leave the container with. Limits from the platform's
// documentation ("Containers limitations"); the environment's from src/validation/platform-limits.ts, the
// table `validate` reads too.
import { nameProblem } from './context.js';
import type { BodyReader } from './fields.js';
import type { ContainerWire } from './wire.js';
import { ENV_NAME_PATTERN, PLATFORM_LIMITS } from '../validation/platform-limits.js';

export const RESERVED_PORTS = [8008, 8012, 8013, 8022, 9090, 9091];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MB = 1_000_000;
const ENV_NAME = new RegExp(ENV_NAME_PATTERN);

type Settings = Omit<ContainerWire, 'id' | 'status' | 'created_at' | 'updated_at' | 'public_endpoint' | 'region' | 'namespace_id'>;

export function checkContainer(c: Settings, read: BodyReader): void {
  const add = (argument: string, help: string): void => read.problem(argument, help);
  const name = nameProblem('container', c.name);
  if (name) read.problem('name', name, 'format');
  if (c.image.trim() === '') read.problem('image', 'an image is required', 'required');
  if (c.port < 1 || c.port > 65535) add('port', `must be between 1 and 65535 (got ${c.port})`);
  else if (RESERVED_PORTS.includes(c.port)) add('port', `port ${c.port} is reserved by the platform (reserved: ${RESERVED_PORTS.join(', ')})`);
  if (c.max_scale < 1 || c.max_scale > 50) add('max_scale', `must be between 1 and 50 (got ${c.max_scale})`);
  if (c.min_scale < 0 || c.min_scale > c.max_scale) add('min_scale', `must be between 0 and max_scale ${c.max_scale} (got ${c.min_scale})`);
  if (c.mvcpu_limit < 70 || c.mvcpu_limit > 6000) add('mvcpu_limit', `must be between 70 and 6000 mvCPU (got ${c.mvcpu_limit})`);
  if (c.memory_limit_bytes < 128 * MB || c.memory_limit_bytes > 12_288 * MB) add('memory_limit_bytes', `must be between 128 MB and 12288 MB (got ${c.memory_limit_bytes} bytes)`);
  const timeout = Number.parseFloat(c.timeout);
  if (!(timeout >= 1 && timeout <= 3600)) add('timeout', `must be between 1s and 3600s (got ${c.timeout})`);
  if (c.local_storage_limit_bytes < MB || c.local_storage_limit_bytes > 24_000 * MB)
    add('local_storage_limit_bytes', `must be between 1 MB and 24000 MB (got ${c.local_storage_limit_bytes} bytes)`);

  const names = [...Object.keys(c.environment_variables), ...Object.keys(c.secret_environment_variables)];
  for (const env of names) {
    if (env === 'PORT' || env.startsWith('SCW_')) add('environment_variables', `${env} is reserved by the platform (PORT and SCW_* are reserved)`);
    else if (!ENV_NAME.test(env) || env.length > PLATFORM_LIMITS.envNameMaxLength) add('environment_variables', `${JSON.stringify(env)} is not a valid variable name`);
  }
  for (const value of Object.values(c.environment_variables)) {
    if (value.length > PLATFORM_LIMITS.envValueMaxLength) add('environment_variables', `values are limited to ${PLATFORM_LIMITS.envValueMaxLength} characters`);
  }
  const variables = Object.keys(c.environment_variables).length;
  const secrets = Object.keys(c.secret_environment_variables).length;
  if (variables > PLATFORM_LIMITS.envVariablesPerContainer)
    add('environment_variables', `at most ${PLATFORM_LIMITS.envVariablesPerContainer} environment variables (got ${variables})`);
  if (secrets > PLATFORM_LIMITS.envSecretsPerContainer) add('secret_environment_variables', `at most ${PLATFORM_LIMITS.envSecretsPerContainer} secrets (got ${secrets})`);

  const metrics = Object.entries(c.scaling_option).filter(([, v]) => v !== undefined);
  if (metrics.length > 1)
    add('scaling_option', `only one of concurrent_requests_threshold, cpu_usage_threshold, memory_usage_threshold can be set (got ${metrics.map(([k]) => k).join(', ')})`);
  const usage = c.scaling_option.cpu_usage_threshold !== undefined || c.scaling_option.memory_usage_threshold !== undefined;
  if (usage && c.min_scale < 1) add('scaling_option', 'cpu_usage_threshold and memory_usage_threshold need min_scale of 1 or more');
  const concurrency = c.scaling_option.concurrent_requests_threshold;
  if (concurrency !== undefined && (concurrency < 1 || concurrency > 80)) add('scaling_option.concurrent_requests_threshold', `must be between 1 and 80 (got ${concurrency})`);

  if (c.private_network_id !== undefined && !UUID.test(c.private_network_id)) add('private_network_id', `must be a UUID (got ${JSON.stringify(c.private_network_id)})`);
  const probe = c.liveness_probe;
  if (probe.http !== undefined && !probe.http.path.startsWith('/')) add('liveness_probe.http.path', `must start with / (got ${JSON.stringify(probe.http.path)})`);
}
