// The manifest -> resource arguments mapping, as plain data so it can be tested without Pulumi.
// Argument names follow @pulumiverse/scaleway 1.54.0 (containers/container.d.ts), always the
// non-deprecated ones: memoryLimitBytes (not memoryLimit), localStorageLimitBytes (not
// localStorageLimit), httpsConnectionsOnly (not httpOption), livenessProbe (not healthChecks), image
// (not registryImage); `deploy` is deprecated upstream and has no effect, so it is not passed.
import { invalidInput } from '../core/errors.js';
import type { ContainerImage, CronTrigger, ScalewayServerlessContainerManifest, ScalewayServerlessContainerSpec } from '../validation/spec-types.js';
import { resourceTags } from './tags.js';

/** The provider's MB is decimal: 256 MB is 256,000,000 bytes. */
export const BYTES_PER_MB = 1_000_000;

/**
 * The provider requires failureThreshold, interval and timeout on a liveness probe; the manifest's
 * healthCheck has no timeout and may omit the other two. Unset ones take the values the platform
 * itself uses when no probe is given (failureThreshold 30, interval 10s, timeout 1s), so a health
 * check with only a path behaves like the platform default, probing that path over HTTP.
 */
export const LIVENESS_DEFAULTS = { failureThreshold: 30, intervalSeconds: 10, timeoutSeconds: 1 } as const;

/**
 * How a manifest field reaches a provider argument, and how the argument's value reads back in
 * the manifest's units: the one mapping both containerArgs (manifest -> arguments) and the
 * diff in manifest terms (render/manifest-terms.ts, arguments -> manifest) are made from.
 */
export interface ArgumentField {
  /** The field's path in the manifest: `['spec', 'memoryLimitMb']`. */
  readonly manifest: readonly string[];
  /** Manifest value -> argument value (a unit or a form); the same value when absent. */
  readonly toArgument?: (value: never) => unknown;
  /** Argument value -> manifest value, for showing a change; the same value when absent. */
  readonly fromArgument?: (value: unknown) => unknown;
}

const spec = (field: keyof ScalewayServerlessContainerSpec): ArgumentField => ({ manifest: ['spec', field] });
const megabytes = (field: 'memoryLimitMb' | 'localStorageLimitMb'): ArgumentField => ({
  manifest: ['spec', field],
  toArgument: (mb: number) => mb * BYTES_PER_MB,
  fromArgument: (bytes) => (typeof bytes === 'number' ? bytes / BYTES_PER_MB : bytes),
});

/**
 * The container arguments that are one manifest value each, in the order they are sent. A field
 * whose value is unset or an empty string is left out (the provider treats it as unset). A new
 * scalar field of the manifest is added here, once.
 */
export const CONTAINER_FIELDS = {
  name: { manifest: ['metadata', 'name'] },
  region: spec('region'),
  privacy: spec('privacy'),
  port: spec('port'),
  description: spec('description'),
  memoryLimitBytes: megabytes('memoryLimitMb'),
  cpuLimit: spec('cpuLimit'),
  minScale: spec('minScale'),
  maxScale: spec('maxScale'),
  timeout: spec('timeoutSeconds'),
  httpsConnectionsOnly: {
    manifest: ['spec', 'httpOption'],
    toArgument: (option: string) => option === 'redirected',
    fromArgument: (only) => (only === true ? 'redirected' : only === false ? 'enabled' : only),
  },
  protocol: spec('protocol'),
  sandbox: spec('sandbox'),
  localStorageLimitBytes: megabytes('localStorageLimitMb'),
  registrySha256: spec('registrySha256'),
} as const satisfies Partial<Record<keyof PlainContainerArgs, ArgumentField>>;

/**
 * Container arguments containerArgs builds itself (lists, maps, a network id that may come from a
 * stack reference), by the manifest field each comes from; a list's or map's entries map one to one.
 */
export const CONTAINER_ENTRY_FIELDS = {
  commands: spec('commands'),
  args: spec('args'),
  /** `{ NAME: value }` from `spec.env.variables` (a list of `{ name, value }`). */
  environmentVariables: { manifest: ['spec', 'env', 'variables'] },
  secretEnvironmentVariables: { manifest: ['spec', 'env', 'secrets'] },
  privateNetworkId: spec('privateNetworkId'),
} as const satisfies Partial<Record<keyof PlainContainerArgs, ArgumentField>>;

/** The namespace's arguments: the manifest's name, region and description (as the original CLI's). */
export const NAMESPACE_FIELDS = {
  name: CONTAINER_FIELDS.name,
  region: CONTAINER_FIELDS.region,
  description: CONTAINER_FIELDS.description,
} as const satisfies Readonly<Record<string, ArgumentField>>;

/** The arguments of `fields` the manifest gives a value (not unset, not an empty string), converted. */
function fieldArguments(manifest: ScalewayServerlessContainerManifest, fields: Readonly<Record<string, ArgumentField>>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [argument, field] of Object.entries(fields)) {
    const value = field.manifest.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], manifest);
    if (value === undefined || value === '') continue;
    args[argument] = field.toArgument ? field.toArgument(value as never) : value;
  }
  return args;
}

export interface LivenessProbeArgs {
  readonly http: { readonly path: string };
  readonly failureThreshold: number;
  readonly interval: string;
  readonly timeout: string;
}

export interface ScalingOptionArgs {
  readonly concurrentRequestsThreshold?: number;
  readonly cpuUsageThreshold?: number;
  readonly memoryUsageThreshold?: number;
}

/** Container arguments other than namespaceId. `image` and `privateNetworkId` are absent when the
 * manifest gives them through valueFrom: the program fills them from a stack reference. Empty
 * strings, lists and maps are left out (the provider treats them as unset). */
export interface PlainContainerArgs {
  readonly name: string;
  readonly region: string;
  readonly image?: string;
  readonly privacy: string;
  readonly port: number;
  readonly description?: string;
  readonly memoryLimitBytes: number;
  readonly cpuLimit?: number;
  readonly minScale: number;
  readonly maxScale: number;
  readonly timeout: number;
  readonly httpsConnectionsOnly: boolean;
  readonly protocol: string;
  readonly commands?: string[];
  readonly args?: string[];
  readonly environmentVariables?: Record<string, string>;
  /** Plain here; the program wraps it in pulumi.secret(). */
  readonly secretEnvironmentVariables?: Record<string, string>;
  readonly privateNetworkId?: string;
  readonly sandbox?: string;
  readonly livenessProbe?: LivenessProbeArgs;
  readonly scalingOptions?: ScalingOptionArgs[];
  readonly localStorageLimitBytes?: number;
  readonly registrySha256?: string;
  /** The original module's `planton-ai_*` tags (tags.ts), the same on the namespace. */
  readonly tags: string[];
}

export interface PlainCronArgs {
  /** The Pulumi resource name (part of the URN). */
  readonly resourceName: string;
  /** The resource name the original OpenMCF CLI gave this trigger, where it differs: declared as
   * an alias, so a stack that CLI created keeps its Cron (see cronArgs). */
  readonly originalResourceName?: string;
  readonly name: string;
  readonly schedule: string;
  readonly args: string;
  readonly region: string;
}

/** The namespace carries the manifest's description too, as the original OpenMCF CLI's does. */
export function namespaceArgs(manifest: ScalewayServerlessContainerManifest): { name: string; region: string; description?: string; tags: string[] } {
  return { ...(fieldArguments(manifest, NAMESPACE_FIELDS) as { name: string; region: string; description?: string }), tags: resourceTags(manifest.metadata) };
}

export function containerArgs(manifest: ScalewayServerlessContainerManifest): PlainContainerArgs {
  const { spec } = manifest;
  const endpoint = spec.image.registryEndpoint;
  const network = spec.privateNetworkId;
  // The scalar fields come from the table, whose keys are checked to be argument names.
  const scalars = fieldArguments(manifest, CONTAINER_FIELDS) as Pick<PlainContainerArgs, keyof typeof CONTAINER_FIELDS>;
  return {
    ...scalars,
    ...('value' in endpoint ? { image: imageAddress(endpoint.value, spec.image) } : {}),
    ...(spec.commands.length > 0 ? { commands: [...spec.commands] } : {}),
    ...(spec.args.length > 0 ? { args: [...spec.args] } : {}),
    ...(spec.env.variables.length > 0 ? { environmentVariables: toMap(spec.env.variables) } : {}),
    ...(spec.env.secrets.length > 0 ? { secretEnvironmentVariables: toMap(spec.env.secrets) } : {}),
    ...(network !== undefined && 'value' in network ? { privateNetworkId: regionalPrivateNetworkId(network.value, spec.region, 'spec.privateNetworkId') } : {}),
    ...(spec.healthCheck !== undefined ? { livenessProbe: livenessProbe(spec.healthCheck) } : {}),
    ...(spec.scalingOption !== undefined ? { scalingOptions: [scalingOption(spec.scalingOption)] } : {}),
    tags: resourceTags(manifest.metadata),
  };
}

/** The Pulumi resource names of a manifest's resources: what `--target` and `--replace` take. */
export const NAMESPACE_RESOURCE = 'namespace';
export const CONTAINER_RESOURCE = 'container';

export function resourceNames(manifest: ScalewayServerlessContainerManifest): string[] {
  return [NAMESPACE_RESOURCE, CONTAINER_RESOURCE, ...cronArgs(manifest).map((cron) => cron.resourceName)];
}

/**
 * One Cron per trigger. Named triggers keep their resource when others are added or removed.
 * An unnamed trigger is `cron-<index>`; the original OpenMCF CLI named its resource
 * `cron-cron-<index>` (`cron-` + its default trigger name), which becomes an alias, unless a named
 * trigger of the same manifest has that resource name already.
 */
export function cronArgs(manifest: ScalewayServerlessContainerManifest): PlainCronArgs[] {
  const named = (trigger: CronTrigger): boolean => trigger.name !== undefined && trigger.name !== '';
  const taken = new Set(manifest.spec.cronTriggers.filter(named).map((trigger) => `cron-${trigger.name}`));
  return manifest.spec.cronTriggers.map((trigger: CronTrigger, index) => {
    const original = `cron-cron-${index}`;
    return {
      resourceName: named(trigger) ? `cron-${trigger.name}` : `cron-${index}`,
      ...(!named(trigger) && !taken.has(original) ? { originalResourceName: original } : {}),
      name: named(trigger) ? trigger.name! : `cron-${index}`,
      schedule: trigger.schedule,
      args: canonicalJson(trigger.args),
      region: manifest.spec.region,
    };
  });
}

/** `{registryEndpoint}/{name}:{tag}`; a trailing slash on the endpoint is not doubled. */
export function imageAddress(registryEndpoint: string, image: Pick<ContainerImage, 'name' | 'tag'>): string {
  return `${registryEndpoint.trim().replace(/\/+$/, '')}/${image.name}:${image.tag}`;
}

/**
 * The provider stores private network ids as `{region}/{uuid}`: a bare uuid would show as a change
 * on every run, so it is prefixed with the container's region. A regional id in another region
 * cannot work (private networks are regional) and is refused.
 */
export function regionalPrivateNetworkId(id: string, region: string, where: string): string {
  const slash = id.indexOf('/');
  if (slash < 0) return `${region}/${id}`;
  const idRegion = id.slice(0, slash);
  if (idRegion !== region) {
    throw invalidInput(
      `${where}: private network ${id} is in ${idRegion}, but the container is in ${region}`,
      'private-network-region',
      'private networks are regional: use a private network of the same region, or deploy the container there',
    );
  }
  return id;
}

/** Cron args as compact JSON with sorted keys: the form the provider reads back, so formatting
 * differences in the manifest never show as changes. Non-JSON text is passed through unchanged
 * (validation reports it). */
export function canonicalJson(text: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function livenessProbe(check: NonNullable<ScalewayServerlessContainerSpec['healthCheck']>): LivenessProbeArgs {
  return {
    http: { path: check.path },
    failureThreshold: check.failureThreshold ?? LIVENESS_DEFAULTS.failureThreshold,
    interval: `${check.intervalSeconds ?? LIVENESS_DEFAULTS.intervalSeconds}s`,
    timeout: `${LIVENESS_DEFAULTS.timeoutSeconds}s`,
  };
}

function scalingOption(option: NonNullable<ScalewayServerlessContainerSpec['scalingOption']>): ScalingOptionArgs {
  return {
    ...(option.concurrentRequestsThreshold !== undefined ? { concurrentRequestsThreshold: option.concurrentRequestsThreshold } : {}),
    ...(option.cpuUsageThreshold !== undefined ? { cpuUsageThreshold: option.cpuUsageThreshold } : {}),
    ...(option.memoryUsageThreshold !== undefined ? { memoryUsageThreshold: option.memoryUsageThreshold } : {}),
  };
}

function toMap(entries: readonly { readonly name: string; readonly value: string }[]): Record<string, string> {
  return Object.fromEntries(entries.map((entry) => [entry.name, entry.value]));
}
