// The documented defaults of the specification (../shared/seed/ScalewayServerlessContainer.md,
// "Optional Fields"), filled in once validation has passed, so the rest of the pipeline reads one
// complete, typed manifest. The schema's `default` keywords say the same; a test keeps them equal.
import { OPTIONAL_METADATA_FIELDS, type CronTrigger, type EnvVar, type ScalewayServerlessContainerManifest, type ScalewayServerlessContainerSpec } from './spec-types.js';

export const SPEC_DEFAULTS = {
  port: 8080,
  description: '',
  memoryLimitMb: 256,
  minScale: 0,
  maxScale: 20,
  timeoutSeconds: 300,
  httpOption: 'enabled',
  protocol: 'http1',
  commands: [],
  args: [],
  deploy: true,
  registrySha256: '',
  cronTriggers: [],
} as const satisfies Partial<Record<keyof ScalewayServerlessContainerSpec, unknown>>;

/**
 * The privacy values under their proto enum names (the original CLI's, since February 2026), read
 * as the values the specification and the Scaleway API use. Done here, after validation, so a value
 * filled by `${VAR}` or `--set` is read the same way.
 */
export const PRIVACY_PROTO_NAMES: Readonly<Record<string, ScalewayServerlessContainerSpec['privacy']>> = {
  privacy_public: 'public',
  privacy_private: 'private',
};

/** The labels a manifest without them is taken to have. */
export const DEFAULT_PROVISIONER = 'pulumi';

type Input = Record<string, unknown>;

/**
 * The manifest with every documented default filled in. Only called on data the schema and the
 * rules accepted, so the shape is known; fields without a documented default stay absent.
 */
export function applyDefaults(data: unknown): ScalewayServerlessContainerManifest {
  const input = data as Input;
  const metadata = input.metadata as Input;
  const spec = input.spec as Input;
  const env = (spec.env ?? {}) as Input;
  const optional = <K extends keyof ScalewayServerlessContainerSpec>(key: K) => (spec[key] === undefined ? {} : ({ [key]: spec[key] } as Pick<ScalewayServerlessContainerSpec, K>));
  // Built in the schema's field order, so `openmcf load` prints a predictable manifest.
  const filled: ScalewayServerlessContainerSpec = {
    region: spec.region as ScalewayServerlessContainerSpec['region'],
    image: spec.image as ScalewayServerlessContainerSpec['image'],
    privacy: PRIVACY_PROTO_NAMES[spec.privacy as string] ?? (spec.privacy as ScalewayServerlessContainerSpec['privacy']),
    port: (spec.port as number | undefined) ?? SPEC_DEFAULTS.port,
    description: (spec.description as string | undefined) ?? SPEC_DEFAULTS.description,
    memoryLimitMb: (spec.memoryLimitMb as number | undefined) ?? SPEC_DEFAULTS.memoryLimitMb,
    ...optional('cpuLimit'),
    minScale: (spec.minScale as number | undefined) ?? SPEC_DEFAULTS.minScale,
    maxScale: (spec.maxScale as number | undefined) ?? SPEC_DEFAULTS.maxScale,
    timeoutSeconds: (spec.timeoutSeconds as number | undefined) ?? SPEC_DEFAULTS.timeoutSeconds,
    httpOption: (spec.httpOption as ScalewayServerlessContainerSpec['httpOption'] | undefined) ?? SPEC_DEFAULTS.httpOption,
    protocol: (spec.protocol as ScalewayServerlessContainerSpec['protocol'] | undefined) ?? SPEC_DEFAULTS.protocol,
    commands: (spec.commands as string[] | undefined) ?? [...SPEC_DEFAULTS.commands],
    args: (spec.args as string[] | undefined) ?? [...SPEC_DEFAULTS.args],
    env: {
      variables: (env.variables as EnvVar[] | undefined) ?? [],
      secrets: (env.secrets as EnvVar[] | undefined) ?? [],
    },
    ...optional('privateNetworkId'),
    ...optional('sandbox'),
    ...optional('healthCheck'),
    ...optional('scalingOption'),
    ...optional('localStorageLimitMb'),
    deploy: (spec.deploy as boolean | undefined) ?? SPEC_DEFAULTS.deploy,
    registrySha256: (spec.registrySha256 as string | undefined) ?? SPEC_DEFAULTS.registrySha256,
    cronTriggers: (spec.cronTriggers as CronTrigger[] | undefined) ?? [...SPEC_DEFAULTS.cronTriggers],
  };
  return {
    apiVersion: input.apiVersion as ScalewayServerlessContainerManifest['apiVersion'],
    kind: input.kind as ScalewayServerlessContainerManifest['kind'],
    metadata: {
      name: metadata.name as string,
      labels: (metadata.labels as Record<string, string> | undefined) ?? {},
      ...Object.fromEntries(OPTIONAL_METADATA_FIELDS.filter((key) => metadata[key] !== undefined).map((key) => [key, metadata[key]])),
    },
    spec: filled,
  };
}

/**
 * The time zone cron schedules run in. The provider creates every trigger with
 * `timezone: "Europe/Paris"` (terraform-provider-scaleway internal/services/container/cron.go:
 * "Timezone is required for API v1 so we use the same default as the Console"), so `0 2 * * *`
 * fires at 02:00 Paris time: 01:00 UTC in winter, 00:00 UTC in summer.
 */
export const CRON_TIME_ZONE = 'Europe/Paris';
