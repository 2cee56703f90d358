// The documented defaults of the specification (../shared/seed/ScalewayServerlessContainer.md,
// "Optional Fields"), filled in once validation has passed, so the rest of the pipeline reads one
// complete, typed manifest. The schema's `default` keywords say the same; a test keeps them equal.
import { OPTIONAL_METADATA_FIELDS, } from './types.js';
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
};
/**
 * The privacy values under their proto enum names (the original CLI's, since February 2026), read
 * as the values the specification and the Scaleway API use. Done here, after validation, so a value
 * filled by `${VAR}` or `--set` is read the same way.
 */
export const PRIVACY_PROTO_NAMES = {
    privacy_public: 'public',
    privacy_private: 'private',
};
/** The labels a manifest without them is taken to have. */
export const DEFAULT_PROVISIONER = 'pulumi';
/**
 * The manifest with every documented default filled in. Only called on data the schema and the
 * rules accepted, so the shape is known; fields without a documented default stay absent.
 */
export function applyDefaults(data) {
    const input = data;
    const metadata = input.metadata;
    const spec = input.spec;
    const env = (spec.env ?? {});
    const optional = (key) => spec[key] === undefined ? {} : { [key]: spec[key] };
    // Built in the schema's field order, so `openmcf load` prints a predictable manifest.
    const filled = {
        region: spec.region,
        image: spec.image,
        privacy: PRIVACY_PROTO_NAMES[spec.privacy] ?? spec.privacy,
        port: spec.port ?? SPEC_DEFAULTS.port,
        description: spec.description ?? SPEC_DEFAULTS.description,
        memoryLimitMb: spec.memoryLimitMb ?? SPEC_DEFAULTS.memoryLimitMb,
        ...optional('cpuLimit'),
        minScale: spec.minScale ?? SPEC_DEFAULTS.minScale,
        maxScale: spec.maxScale ?? SPEC_DEFAULTS.maxScale,
        timeoutSeconds: spec.timeoutSeconds ?? SPEC_DEFAULTS.timeoutSeconds,
        httpOption: spec.httpOption ?? SPEC_DEFAULTS.httpOption,
        protocol: spec.protocol ?? SPEC_DEFAULTS.protocol,
        commands: spec.commands ?? [...SPEC_DEFAULTS.commands],
        args: spec.args ?? [...SPEC_DEFAULTS.args],
        env: {
            variables: env.variables ?? [],
            secrets: env.secrets ?? [],
        },
        ...optional('privateNetworkId'),
        ...optional('sandbox'),
        ...optional('healthCheck'),
        ...optional('scalingOption'),
        ...optional('localStorageLimitMb'),
        deploy: spec.deploy ?? SPEC_DEFAULTS.deploy,
        registrySha256: spec.registrySha256 ?? SPEC_DEFAULTS.registrySha256,
        cronTriggers: spec.cronTriggers ?? [...SPEC_DEFAULTS.cronTriggers],
    };
    return {
        apiVersion: input.apiVersion,
        kind: input.kind,
        metadata: {
            name: metadata.name,
            labels: metadata.labels ?? {},
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
