// What each simulated resource type implements, and the provider-level defaults they share.
import type { CheckResult } from '@pulumi/pulumi/provider/index.js';
import type { SandboxApi } from './api.js';
import type { DiffSpec } from './diff.js';
import type { Props } from './wire.js';

export interface ProviderDefaults {
  /** SCW_DEFAULT_REGION, else fr-par (the Terraform provider's fallback). */
  readonly region: string;
  /** SCW_DEFAULT_PROJECT_ID, else the sandbox's own project. */
  readonly projectId: string;
  readonly organizationId: string;
}

export interface ResourceContext {
  readonly api: SandboxApi;
  readonly defaults: ProviderDefaults;
}

export interface SandboxResourceType {
  check(resourceName: string, olds: Props, news: Props): CheckResult;
  /** Which inputs exist, which the API fills, which replace (see diff.ts). */
  readonly diffSpec: DiffSpec;
  create(inputs: Props): Promise<{ id: string; outs: Props }>;
  /** Current cloud state; `id: ''` when the resource is gone. */
  read(id: string, props: Props): Promise<{ id: string; props?: Props }>;
  update(id: string, olds: Props, news: Props): Promise<Props>;
  delete(id: string, props: Props): Promise<void>;
}

/** Splits a Pulumi id `{region}/{uuid}`; a bare UUID takes the default region, as the provider does. */
export function parseRegionalId(id: string, defaultRegion: string): { region: string; id: string } {
  const slash = id.indexOf('/');
  return slash < 0 ? { region: defaultRegion, id } : { region: id.slice(0, slash), id: id.slice(slash + 1) };
}

export function regionalId(region: string, id: string): string {
  return `${region}/${id}`;
}

/** True for the API's "not found": read and delete treat a missing resource as gone. */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404;
}
