// The Scaleway CLI's configuration file, read the way scaleway-sdk-go reads it: path from
// SCW_CONFIG_PATH, else $XDG_CONFIG_HOME/scw/config.yaml, else ~/.config/scw/config.yaml; profile
// from SCW_PROFILE, else `active_profile`, else the top-level keys; a named profile is merged on top
// of the top-level keys (scw.Config.GetProfile).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { invalidInput } from '../core/errors.js';
import { CREDENTIAL_FIELDS, type CredentialField } from './credential-fields.js';
import { readYamlConfigFile, type YamlConfigFile } from './yaml-file.js';

/** scaleway-sdk-go's reserved name for the top-level profile. */
const DEFAULT_PROFILE = 'default';

export interface SourcedValue {
  readonly value: string;
  /** Where it was read, for messages: `path:line:col (key secret_key of profile "prod")` or an env var name. */
  readonly where: string;
}

export interface ScwProfile {
  readonly path: string;
  readonly profileName: string;
  readonly values: Partial<Record<CredentialField, SourcedValue>>;
}

export function scwConfigPath(env: NodeJS.ProcessEnv): string {
  const explicit = nonEmpty(env.SCW_CONFIG_PATH);
  if (explicit !== undefined) return explicit;
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  if (xdg !== undefined) return join(xdg, 'scw', 'config.yaml');
  return join(nonEmpty(env.HOME) ?? homedir(), '.config', 'scw', 'config.yaml');
}

/** The active profile of the Scaleway CLI config, or undefined when there is no config file. */
export async function loadScwProfile(env: NodeJS.ProcessEnv): Promise<ScwProfile | undefined> {
  const path = scwConfigPath(env);
  const file = await readYamlConfigFile(path, 'Scaleway CLI config', 'scw-config');
  if (file === undefined) return undefined;

  const fromEnv = nonEmpty(env.SCW_PROFILE);
  const active = file.data.active_profile;
  if (fromEnv === undefined && active !== undefined && typeof active !== 'string') {
    throw invalidInput(`${file.position(['active_profile'])}: active_profile must be a profile name`, 'scw-config-malformed');
  }
  const profileName = fromEnv ?? (typeof active === 'string' && active !== '' ? active : DEFAULT_PROFILE);
  const chosenBy = fromEnv !== undefined ? 'SCW_PROFILE' : 'active_profile';

  const values = profileValues(file, []);
  if (profileName === DEFAULT_PROFILE) return { path, profileName, values };

  const profiles = file.data.profiles;
  const profile = isRecord(profiles) ? profiles[profileName] : undefined;
  if (!isRecord(profile)) {
    const known = isRecord(profiles) ? Object.keys(profiles) : [];
    throw invalidInput(
      `${path}: the Scaleway CLI profile "${profileName}" (from ${chosenBy}) does not exist`,
      'scw-profile-missing',
      known.length > 0 ? `profiles in that file: ${known.join(', ')}` : 'that file defines no profiles: create one with `scw init`',
    );
  }
  return { path, profileName, values: { ...values, ...profileValues(file, ['profiles', profileName]) } };
}

function profileValues(file: YamlConfigFile, at: readonly string[]): Partial<Record<CredentialField, SourcedValue>> {
  const section = at.length === 0 ? file.data : (file.data.profiles as Record<string, unknown>)[at[1] ?? ''];
  const values: Partial<Record<CredentialField, SourcedValue>> = {};
  if (!isRecord(section)) return values;
  for (const spec of CREDENTIAL_FIELDS) {
    const raw = section[spec.scwKey];
    if (raw === undefined || raw === null) continue;
    const keys = [...at, spec.scwKey];
    const where = `${file.position(keys)} (key ${spec.scwKey}${at.length === 0 ? '' : ` of profile "${at[1]}"`})`;
    if (typeof raw !== 'string') {
      throw invalidInput(`${where}: must be a string`, 'credentials-malformed', 'quote the value in the Scaleway CLI config');
    }
    values[spec.field] = { value: raw.trim(), where };
  }
  return values;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
