// The manifest as the rest of the pipeline sees it, after validation with defaults filled in.
// Field names and meanings follow ../shared/seed/ScalewayServerlessContainer.md; the JSON Schema in
// schemas/scaleway.openmcf.org/v1/ is the authority for bounds and enums.

export const API_VERSION = 'scaleway.openmcf.org/v1';
export const KIND = 'ScalewayServerlessContainer';

/** The regions serving serverless containers (the schema's `spec.region` enum says the same). */
export const SCALEWAY_REGIONS = ['fr-par', 'nl-ams', 'pl-waw'] as const;
export type ScalewayRegion = (typeof SCALEWAY_REGIONS)[number];

/** A reference to another OpenMCF resource's stack output. */
export interface ValueFromRef {
  readonly kind?: string;
  readonly env?: string;
  readonly name: string;
  readonly fieldPath?: string;
}

/** Exactly one of `value` or `valueFrom`. */
export type StringValueOrRef = { readonly value: string } | { readonly valueFrom: ValueFromRef };

export interface EnvVar {
  readonly name: string;
  readonly value: string;
}

export interface HealthCheck {
  readonly path: string;
  readonly failureThreshold?: number;
  readonly intervalSeconds?: number;
}

/** The API takes exactly one metric; validation enforces it. */
export interface ScalingOption {
  readonly concurrentRequestsThreshold?: number;
  readonly cpuUsageThreshold?: number;
  readonly memoryUsageThreshold?: number;
}

export interface CronTrigger {
  readonly name?: string;
  readonly schedule: string;
  /** A string holding a JSON object. */
  readonly args: string;
}

export interface ContainerImage {
  readonly registryEndpoint: StringValueOrRef;
  readonly name: string;
  readonly tag: string;
}

export interface ScalewayServerlessContainerSpec {
  readonly region: ScalewayRegion;
  readonly image: ContainerImage;
  /** The proto names privacy_public / privacy_private are normalised to these before validation. */
  readonly privacy: 'public' | 'private';
  readonly port: number;
  readonly description: string;
  readonly memoryLimitMb: number;
  readonly cpuLimit?: number;
  readonly minScale: number;
  readonly maxScale: number;
  readonly timeoutSeconds: number;
  readonly httpOption: 'enabled' | 'redirected';
  readonly protocol: 'http1' | 'h2c';
  readonly commands: readonly string[];
  readonly args: readonly string[];
  readonly env: { readonly variables: readonly EnvVar[]; readonly secrets: readonly EnvVar[] };
  readonly privateNetworkId?: StringValueOrRef;
  readonly sandbox?: 'v1' | 'v2';
  readonly healthCheck?: HealthCheck;
  readonly scalingOption?: ScalingOption;
  readonly localStorageLimitMb?: number;
  readonly deploy: boolean;
  readonly registrySha256: string;
  readonly cronTriggers: readonly CronTrigger[];
}

/** A relationship with another OpenMCF resource (metadata.relationships; kept, not deployed). */
export interface MetadataRelationship {
  readonly kind: string;
  readonly env?: string;
  readonly name: string;
  readonly type?: 'depends_on' | 'runs_on' | 'managed_by' | 'uses';
}

/**
 * The OpenMCF metadata (apis/org/openmcf/shared/metadata.proto of the original). `name` and
 * `labels` drive the deployment; `org`, `env` and `id` become tags (src/program/tags.ts); the
 * rest is carried along unchanged. Optional fields are absent when the manifest leaves them out.
 */
export interface ManifestMetadata {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly slug?: string;
  readonly id?: string;
  readonly org?: string;
  readonly env?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
  readonly relationships?: readonly MetadataRelationship[];
  readonly group?: string;
}

/** Optional metadata fields, in the schema's order (how `openmcf load` prints them). */
export const OPTIONAL_METADATA_FIELDS = ['slug', 'id', 'org', 'env', 'annotations', 'tags', 'relationships', 'group'] as const;

/**
 * Top-level fields a manifest may carry that are never input: `status` is what the original CLI
 * recorded after a deployment. `openmcf load` leaves them out and says so.
 */
export const IGNORED_TOP_LEVEL_FIELDS = ['status'] as const;

export interface ScalewayServerlessContainerManifest {
  readonly apiVersion: typeof API_VERSION;
  readonly kind: typeof KIND;
  readonly metadata: ManifestMetadata;
  readonly spec: ScalewayServerlessContainerSpec;
}

/** The labels that name the stack (see src/stack/). */
export const LABELS = {
  organization: 'pulumi.openmcf.org/organization',
  project: 'pulumi.openmcf.org/project',
  stackName: 'pulumi.openmcf.org/stack.name',
  stackFqdn: 'pulumi.openmcf.org/stack.fqdn',
  provisioner: 'openmcf.org/provisioner',
} as const;
