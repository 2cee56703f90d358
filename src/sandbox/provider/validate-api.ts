// The arguments the Serverless Containers API itself rejects (HTTP 400, "invalid argument(s)"),
// as opposed to the provider's schema checks in checks.ts. Limits from the platform's
// documentation ("Containers limitations") and the reference page.
import type { ArgumentProblem } from './api-errors.js';
import type { ContainerRecord } from '../store.js';

export const RESERVED_PORTS = [8008, 8012, 8013, 8022, 9090, 9091];
const NAME_RULE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function checkResourceName(kind: string, name: string): ArgumentProblem[] {
  if (NAME_RULE.test(name) && name.length <= 63) return [];
  return [{ argument: 'name', reason: 'format', help: `${kind} names use lowercase letters, digits and hyphens, start and end with a letter or digit, 63 characters at most (got "${name}")` }];
}

type ContainerSettings = Omit<ContainerRecord, 'id' | 'domainName' | 'status' | 'errorMessage' | 'deployments' | 'createdAt' | 'updatedAt'>;

export function containerProblems(c: ContainerSettings, secretNames: readonly string[]): ArgumentProblem[] {
  const problems: ArgumentProblem[] = [...checkResourceName('container', c.name)];
  const add = (argument: string, help: string, reason: ArgumentProblem['reason'] = 'constraint') => problems.push({ argument, reason, help });

  if (c.image.trim() === '') add('registry_image', 'an image is required', 'required');
  if (!Number.isInteger(c.port) || c.port < 1 || c.port > 65535) add('port', `must be between 1 and 65535 (got ${c.port})`);
  else if (RESERVED_PORTS.includes(c.port)) add('port', `port ${c.port} is reserved by the platform (reserved: ${RESERVED_PORTS.join(', ')})`);
  if (c.minScale < 0) add('min_scale', `must be 0 or more (got ${c.minScale})`);
  if (c.maxScale < 1 || c.maxScale > 50) add('max_scale', `must be between 1 and 50 (got ${c.maxScale})`);
  if (c.minScale > c.maxScale) add('min_scale', `must not exceed max_scale (${c.minScale} > ${c.maxScale})`);
  if (c.cpuLimit < 70 || c.cpuLimit > 6000) add('cpu_limit', `must be between 70 and 6000 mvCPU (got ${c.cpuLimit})`);
  if (c.memoryLimitBytes < 128_000_000 || c.memoryLimitBytes > 12_228_000_000) add('memory_limit_bytes', `must be between 128 MB and 12228 MB (got ${c.memoryLimitBytes} bytes)`);
  if (c.timeout < 1 || c.timeout > 900) add('timeout', `must be between 1s and 900s (got ${c.timeout}s)`);

  const envNames = [...Object.keys(c.environmentVariables), ...secretNames];
  for (const name of envNames) {
    if (name === 'PORT' || name.startsWith('SCW_')) add('environment_variables', `${name} is reserved by the platform (PORT and SCW_* are reserved)`);
  }
  if (envNames.length > 100) add('environment_variables', `at most 100 environment variables and secrets (got ${envNames.length})`);

  const metrics = Object.entries(c.scalingOption).filter(([, v]) => v !== undefined);
  if (metrics.length > 1) add('scaling_option', `only one of concurrent_requests_threshold, cpu_usage_threshold, memory_usage_threshold can be set (got ${metrics.map(([k]) => k).join(', ')})`);
  const usesUsage = c.scalingOption.cpuUsageThreshold !== undefined || c.scalingOption.memoryUsageThreshold !== undefined;
  if (usesUsage && c.minScale < 1) add('scaling_option', 'cpu_usage_threshold and memory_usage_threshold need min_scale of 1 or more');
  const concurrency = c.scalingOption.concurrentRequestsThreshold;
  if (concurrency !== undefined && (concurrency < 1 || concurrency > 80)) add('scaling_option.concurrent_requests_threshold', `must be between 1 and 80 (got ${concurrency})`);

  if (c.privateNetworkId !== '') {
    const [region] = c.privateNetworkId.split('/');
    if (c.privateNetworkId.includes('/') && region !== c.region) {
      add('private_network_id', `private network ${c.privateNetworkId} is in ${region}, not in the container's region ${c.region}`);
    }
  }
  return problems;
}
