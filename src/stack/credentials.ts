// Scaleway credentials, found and checked before the engine starts, so that a missing or malformed
// key is an input error (exit 3) and not a provider failure halfway through a run.
//
// Sources: `-p/--provider-config <file>` when given (it is then the only source); otherwise the
// SCW_* environment variables over the Scaleway CLI's active profile, field by field, which is how
// the Scaleway SDK itself merges them (environment beats the config file). Sandbox runs use fixed
// fake credentials and look nothing up.
//
// Messages name the source (variable, or file:line:col and key) and the expected format, and never
// quote a key: the secret key is also returned with the credentials (`secrets`) for the run to mask,
// and masked in any error that passes through once it is read.
import { invalidInput } from '../core/errors.js';
import { maskError, SecretValues } from '../core/secrets.js';
import { CREDENTIAL_FIELDS, REQUIRED_FIELDS, formatProblem, type CredentialField } from './credential-fields.js';
import { readProviderConfig } from './provider-config.js';
import { loadScwProfile, scwConfigPath, type SourcedValue } from './scw-config.js';
import type { CredentialSource, ScalewayCredentials } from './target-types.js';

export interface LoadCredentialsOptions {
  /** `-p/--provider-config <file>`. */
  readonly providerConfigPath?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly sandbox: boolean;
  /** Base for a relative provider-config path (default: process.cwd()). */
  readonly cwd?: string;
}

/** What a sandbox run gives the provider: well formed (the provider checks the formats), obviously fake, not secret. */
export const SANDBOX_CREDENTIALS: ScalewayCredentials = {
  source: 'sandbox',
  origin: 'sandbox (fake credentials, nothing real is touched)',
  accessKey: 'SCWSANDBOX0000000000',
  secretKey: '00000000-0000-4000-8000-000000000000',
  projectId: '00000000-0000-4000-8000-000000000001',
  organizationId: '00000000-0000-4000-8000-000000000002',
  secrets: SecretValues.none,
};

type Sourced = Partial<Record<CredentialField, SourcedValue>>;

export async function loadCredentials(options: LoadCredentialsOptions): Promise<ScalewayCredentials> {
  if (options.sandbox) return SANDBOX_CREDENTIALS;
  const { env } = options;

  if (options.providerConfigPath !== undefined) {
    const file = await readProviderConfig(options.providerConfigPath, options.cwd ?? process.cwd());
    return checked(file.values, 'provider-config', file.path, () => `add it to ${file.path} (keys: ${CREDENTIAL_FIELDS.map((spec) => spec.providerConfigKey).join(', ')})`);
  }

  const fromEnv = environmentValues(env);
  const profile = await loadScwProfile(env);
  const merged: Sourced = { ...(profile?.values ?? {}), ...fromEnv };
  if (merged.accessKey === undefined && merged.secretKey === undefined) {
    throw invalidInput(
      'no Scaleway credentials found',
      'credentials-missing',
      `set SCW_ACCESS_KEY and SCW_SECRET_KEY, pass -p/--provider-config <file>, or create a Scaleway CLI profile with \`scw init\` (looked in ${scwConfigPath(env)}); or try --sandbox, which needs none`,
    );
  }
  const keysFromEnv = fromEnv.accessKey !== undefined && fromEnv.secretKey !== undefined;
  const source: CredentialSource = keysFromEnv ? 'environment' : 'scw-profile';
  const origin = keysFromEnv
    ? 'SCW_ACCESS_KEY / SCW_SECRET_KEY environment variables'
    : `Scaleway CLI profile "${profile?.profileName ?? 'default'}" in ${profile?.path ?? scwConfigPath(env)}`;
  return checked(merged, source, origin, (spec) =>
    profile === undefined ? `set ${spec.envVar}` : `set ${spec.envVar}, or add ${spec.scwKey} to profile "${profile.profileName}" in ${profile.path}`,
  );
}

/** The environment the engine process needs so the Scaleway provider finds these credentials. */
export function credentialsToEngineEnv(credentials: ScalewayCredentials): Record<string, string> {
  const env: Record<string, string> = {};
  for (const spec of CREDENTIAL_FIELDS) {
    const value = credentials[spec.field];
    if (value !== undefined) env[spec.envVar] = value;
  }
  return env;
}

function environmentValues(env: NodeJS.ProcessEnv): Sourced {
  const values: Sourced = {};
  for (const spec of CREDENTIAL_FIELDS) {
    const raw = env[spec.envVar];
    if (raw !== undefined && raw.trim() !== '') values[spec.field] = { value: raw.trim(), where: spec.envVar };
  }
  return values;
}

/** Checks presence of the keys and the format of every value; the first problem is the error. */
function checked(values: Sourced, source: CredentialSource, origin: string, howToFix: (spec: (typeof CREDENTIAL_FIELDS)[number]) => string): ScalewayCredentials {
  const secrets = SecretValues.of(values.secretKey?.value);
  try {
    return checkedWith(values, source, origin, howToFix, secrets);
  } catch (error) {
    throw maskError(error, secrets);
  }
}

function checkedWith(
  values: Sourced,
  source: CredentialSource,
  origin: string,
  howToFix: (spec: (typeof CREDENTIAL_FIELDS)[number]) => string,
  secrets: SecretValues,
): ScalewayCredentials {
  for (const field of REQUIRED_FIELDS) {
    if (values[field] === undefined) {
      const spec = specOf(field);
      const other = values[field === 'accessKey' ? 'secretKey' : 'accessKey'];
      throw invalidInput(
        `Scaleway ${describe(field)} missing${other ? ` (the ${describe(field === 'accessKey' ? 'secretKey' : 'accessKey')} comes from ${other.where})` : ''}`,
        'credentials-missing',
        howToFix(spec),
      );
    }
  }
  for (const spec of CREDENTIAL_FIELDS) {
    const sourced = values[spec.field];
    if (sourced === undefined) continue;
    const problem = formatProblem(spec, sourced.value);
    if (problem !== undefined) {
      throw invalidInput(
        `${sourced.where}: the Scaleway ${describe(spec.field)} ${problem}`,
        'credentials-malformed',
        spec.field === 'secretKey' || spec.field === 'accessKey'
          ? 'copy the key again from the Scaleway console (IAM > API keys)'
          : `fix the value, or remove it to use the provider's default`,
      );
    }
  }
  const value = (field: CredentialField): string | undefined => values[field]?.value;
  return {
    source,
    origin,
    accessKey: value('accessKey') ?? '',
    secretKey: value('secretKey') ?? '',
    ...optional('projectId', value('projectId')),
    ...optional('organizationId', value('organizationId')),
    ...optional('region', value('region')),
    ...optional('zone', value('zone')),
    secrets,
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function specOf(field: CredentialField): (typeof CREDENTIAL_FIELDS)[number] {
  const spec = CREDENTIAL_FIELDS.find((candidate) => candidate.field === field);
  if (spec === undefined) throw new Error(`unknown credential field ${field}`);
  return spec;
}

function describe(field: CredentialField): string {
  switch (field) {
    case 'accessKey':
      return 'access key';
    case 'secretKey':
      return 'secret key';
    case 'projectId':
      return 'project ID';
    case 'organizationId':
      return 'organization ID';
    case 'region':
      return 'region';
    case 'zone':
      return 'zone';
  }
}
