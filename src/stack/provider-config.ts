// `-p/--provider-config <file>`: the original OpenMCF CLI's Scaleway credential file, a flat YAML
// mapping of accessKey, secretKey (required), projectId, organizationId, region, zone. When given
// it is the only credential source and must be complete and well formed. The original reads it
// with protojson, so each key may also be written in its proto spelling (access_key, secret_key,
// project_id, organization_id), as its documented example does; one key in both spellings is an
// error (which of the two would win is not obvious).
import { resolve } from 'node:path';
import { invalidInput } from '../core/errors.js';
import { CREDENTIAL_FIELDS, type CredentialField } from './credential-fields.js';
import type { SourcedValue } from './scw-config.js';
import { readYamlConfigFile } from './yaml-file.js';

const KNOWN_KEYS = CREDENTIAL_FIELDS.map((spec) => spec.providerConfigKey);
/** `accessKey` -> `access_key`: the proto field names of ScalewayProviderConfig. */
const protoKey = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const ACCEPTED_KEYS = [...new Set([...KNOWN_KEYS, ...KNOWN_KEYS.map(protoKey)])];

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
      'pass the path of a YAML file with accessKey and secretKey (and optionally projectId, organizationId, region, zone; access_key etc. work too)',
    );
  }
  for (const key of Object.keys(file.data)) {
    if (!ACCEPTED_KEYS.includes(key)) {
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
    const written = [spec.providerConfigKey, protoKey(spec.providerConfigKey)].filter((key, i, all) => all.indexOf(key) === i && key in file.data);
    if (written.length > 1) {
      throw invalidInput(
        `${file.keyPosition(written[1] as string)}: "${written[1]}" and "${written[0]}" are the same key of the provider config, given twice`,
        'provider-config-duplicate-key',
        'remove one of the two',
      );
    }
    const key = written[0];
    if (key === undefined) continue;
    const raw = file.data[key];
    if (raw === undefined || raw === null) continue;
    const where = `${file.position([key])} (key ${key})`;
    if (typeof raw !== 'string') {
      throw invalidInput(`${where}: must be a string`, 'credentials-malformed', 'quote the value in the provider config');
    }
    values[spec.field] = { value: raw.trim(), where };
  }
  return { path: absolute, values };
}
