// The Scaleway credential fields, their names in each source, and their formats. One table, so
// that the provider-config file, the environment and the Scaleway CLI profile are checked alike.

import { SCALEWAY_REGIONS } from '../validation/spec-types.js';

export type CredentialField = 'accessKey' | 'secretKey' | 'projectId' | 'organizationId' | 'region' | 'zone';

export interface CredentialFieldSpec {
  readonly field: CredentialField;
  /** Key in a `-p/--provider-config` YAML file. */
  readonly providerConfigKey: string;
  /** Environment variable the Scaleway provider reads. */
  readonly envVar: string;
  /** Key in the Scaleway CLI config (`~/.config/scw/config.yaml`). */
  readonly scwKey: string;
  readonly pattern: RegExp;
  /** What a valid value looks like, for messages. */
  readonly expected: string;
  /** Whether a bad value may be quoted back in a message. Keys never are. */
  readonly quotable: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CREDENTIAL_FIELDS: readonly CredentialFieldSpec[] = [
  {
    field: 'accessKey',
    providerConfigKey: 'accessKey',
    envVar: 'SCW_ACCESS_KEY',
    scwKey: 'access_key',
    pattern: /^SCW[A-Z0-9]{17}$/,
    expected: '"SCW" followed by 17 uppercase letters or digits',
    quotable: false,
  },
  {
    field: 'secretKey',
    providerConfigKey: 'secretKey',
    envVar: 'SCW_SECRET_KEY',
    scwKey: 'secret_key',
    pattern: UUID,
    expected: 'a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)',
    quotable: false,
  },
  {
    field: 'projectId',
    providerConfigKey: 'projectId',
    envVar: 'SCW_DEFAULT_PROJECT_ID',
    scwKey: 'default_project_id',
    pattern: UUID,
    expected: 'a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)',
    quotable: true,
  },
  {
    field: 'organizationId',
    providerConfigKey: 'organizationId',
    envVar: 'SCW_DEFAULT_ORGANIZATION_ID',
    scwKey: 'default_organization_id',
    pattern: UUID,
    expected: 'a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)',
    quotable: true,
  },
  {
    field: 'region',
    providerConfigKey: 'region',
    envVar: 'SCW_DEFAULT_REGION',
    scwKey: 'default_region',
    pattern: new RegExp(`^(${SCALEWAY_REGIONS.join('|')})$`),
    expected: `one of ${SCALEWAY_REGIONS.join(', ')} (the regions serving serverless containers)`,
    quotable: true,
  },
  {
    field: 'zone',
    providerConfigKey: 'zone',
    envVar: 'SCW_DEFAULT_ZONE',
    scwKey: 'default_zone',
    pattern: /^[a-z]{2}-[a-z]{3}-[1-9]$/,
    expected: 'a zone such as fr-par-1',
    quotable: true,
  },
];

export const REQUIRED_FIELDS: readonly CredentialField[] = ['accessKey', 'secretKey'];

/** The problem with a value, or undefined when it is well formed. Never contains a key's value. */
export function formatProblem(spec: CredentialFieldSpec, value: string): string | undefined {
  if (spec.pattern.test(value)) return undefined;
  const shown = spec.quotable ? `"${value}" ` : '';
  return `${shown}is not ${spec.expected}`;
}
