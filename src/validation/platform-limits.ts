// The platform's limits on a container's environment, in one table (Scaleway "Containers
// limitations", 2025-09, and the changelog of 2025-12-18 that raised the counts from 100 to 200).
// Everything that checks them reads this table: the rules (src/validation/env-limit-rules.ts), the local
// API of the sandbox (src/sandbox/container-rules.ts) and, through the build, the JSON Schema:
// SCHEMA_LIMITS says where the schema states each one, and scripts/build.mjs refuses to build
// while a number there differs from this table (test/spec/platform-limits.test.ts checks the same).
// So `validate` and `apply` agree: what validates is what the platform (and the sandbox) takes.

export const PLATFORM_LIMITS = {
  /** Environment variables per container (secrets counted apart). */
  envVariablesPerContainer: 200,
  /** Secret environment variables per container. */
  envSecretsPerContainer: 200,
  /** Characters of a variable's or a secret's name. */
  envNameMaxLength: 100,
  /** Characters of a variable's value. */
  envValueMaxLength: 1000,
  /** Bytes of a secret's value (UTF-8): 64 KiB. */
  secretValueMaxBytes: 64 * 1024,
} as const;

export type PlatformLimit = keyof typeof PLATFORM_LIMITS;

/** What a name may be: letters, digits, `_`, `-`, `.`, not starting with a digit. */
export const ENV_NAME_PATTERN = '^[-._a-zA-Z][-._a-zA-Z0-9]*$';

/** Where the JSON Schema states each limit: a path of keys from its root, and the keyword. */
export const SCHEMA_LIMITS: ReadonlyArray<{ readonly at: readonly string[]; readonly keyword: string; readonly limit: PlatformLimit }> = [
  { at: ['$defs', 'Env', 'properties', 'variables'], keyword: 'maxItems', limit: 'envVariablesPerContainer' },
  { at: ['$defs', 'Env', 'properties', 'secrets'], keyword: 'maxItems', limit: 'envSecretsPerContainer' },
  { at: ['$defs', 'EnvVar', 'properties', 'name'], keyword: 'maxLength', limit: 'envNameMaxLength' },
  { at: ['$defs', 'EnvVar', 'properties', 'value'], keyword: 'maxLength', limit: 'envValueMaxLength' },
  { at: ['$defs', 'SecretVar', 'properties', 'name'], keyword: 'maxLength', limit: 'envNameMaxLength' },
  // The schema counts characters; the rule counts the bytes (a character takes up to 4).
  { at: ['$defs', 'SecretVar', 'properties', 'value'], keyword: 'maxLength', limit: 'secretValueMaxBytes' },
];

/** Where the schema differs from the table ("$defs.Env.properties.variables.maxItems is 100, the
 * platform's limit is 200"); empty when they agree. Also checks the name patterns. */
export function schemaLimitMismatches(schema: unknown): string[] {
  const problems: string[] = [];
  const at = (path: readonly string[]): Record<string, unknown> | undefined => {
    let node: unknown = schema;
    for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
  };
  for (const { at: path, keyword, limit } of SCHEMA_LIMITS) {
    const stated = at(path)?.[keyword];
    if (stated !== PLATFORM_LIMITS[limit]) problems.push(`${[...path, keyword].join('.')} is ${String(stated)}, the platform's limit (${limit}) is ${PLATFORM_LIMITS[limit]}`);
  }
  for (const def of ['EnvVar', 'SecretVar']) {
    const pattern = at(['$defs', def, 'properties', 'name'])?.pattern;
    if (pattern !== ENV_NAME_PATTERN) problems.push(`$defs.${def}.properties.name.pattern is ${String(pattern)}, not ${ENV_NAME_PATTERN}`);
  }
  return problems;
}
