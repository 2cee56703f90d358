// `-p/--provider-config <file>`: the original OpenMCF CLI's Scaleway credential file, a flat YAML
// mapping of accessKey, secretKey (required), projectId, organizationId, region, zone. When given
// it is the only credential source and must be complete and well formed.
import { resolve } from 'node:path';
import { invalidInput } from '../errors.js';
import { CREDENTIAL_FIELDS, type CredentialField } from './credential-fields.js';
import type { SourcedValue } from './scw-config.js';
import { readYamlConfigFile } from './yaml-file.js';

const KNOWN_KEYS = CREDENTIAL_FIELDS.map((spec) => spec.providerConfigKey);

export interface ProviderConfigFile {
  readonly path: string;
  readonly values: Partial<Record<CredentialField, SourcedValue>>;
}

export async function readProviderConfig(path: string, cwd: string): Promise<ProviderConfigFile> {
  const absolute = resolve(cwd, path);
  const file = await readYamlConfigFile(absolute, 'provider config', 'provider-config');
  if (file === undefined) {
    throw invalidInput(
      `--provider-config: ${path} does not exist`,
      'provider-config-missing',
      'pass the path of a YAML file with accessKey and secretKey (and optionally projectId, organizationId, region, zone)',
    );
  }
  for (const key of Object.keys(file.data)) {
    if (!KNOWN_KEYS.includes(key)) {
      const suggestion = KNOWN_KEYS.find((known) => known.toLowerCase() === key.replace(/[_-]/g, '').toLowerCase());
      throw invalidInput(
        `${file.keyPosition(key)}: unknown key "${key}" in the provider config`,
        'provider-config-unknown-key',
        suggestion !== undefined ? `did you mean "${suggestion}"?` : `known keys: ${KNOWN_KEYS.join(', ')}`,
      );
    }
  }
  const values: Partial<Record<CredentialField, SourcedValue>> = {};
  for (const spec of CREDENTIAL_FIELDS) {
    const raw = file.data[spec.providerConfigKey];
    if (raw === undefined || raw === null) continue;
    const where = `${file.position([spec.providerConfigKey])} (key ${spec.providerConfigKey})`;
    if (typeof raw !== 'string') {
      throw invalidInput(`${where}: must be a string`, 'credentials-malformed', 'quote the value in the provider config');
    }
    values[spec.field] = { value: raw.trim(), where };
  }
  return { path: absolute, values };
}
