// Messages for JSON Schema failures, written for people: what is wrong at that field and what to
// write instead. ajv's own messages are turned off at build time; these replace them.
import { schemaPathKey, type ManifestPath } from '../manifest/path.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { didYouMean } from '../core/did-you-mean.js';
import { mayHoldSecretValue } from '../manifest/secret-paths.js';
import { code, kindOf, valueAt, type Finding } from './finding.js';

/** An ajv error as the generated validator reports it. */
export interface SchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * What a `pattern` means at each field, by schema-shaped path. Where the patterns come from:
 * - metadata.name names both the namespace and the container. Scaleway's API refuses namespace
 *   names that do not "begin with a letter, followed by letters, numbers or hyphens, and end with a
 *   letter or number" (its 400 error quoted in scaleway/scaleway-cli#3165), and its documentation
 *   says names "can only contain lowercase alphanumeric characters and dashes"
 *   (scaleway/docs-content#5110, containers namespace how-to). The 34-character bound is the one
 *   container tools keep to (philibea/scaleway-containers-deploy, `maxLength = 34`).
 * - image name and tag follow the OCI distribution spec: lowercase path components joined by `.`,
 *   `_`, `__` or dashes, separated by `/`; tags `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`. The registry
 *   endpoint is a host with an optional port and path, without scheme, as Scaleway composes
 *   `{registryEndpoint}/{name}:{tag}` (../shared/reference/scaleway-containers.md).
 * - env names: Scaleway documents no character set (only lengths and the reserved PORT and
 *   SCW_*), and runs Serverless Containers as Knative services on Kubernetes, whose pod validation
 *   takes `[-._a-zA-Z][-._a-zA-Z0-9]*` (k8s.io/apimachinery `IsEnvVarName`); a name outside it
 *   (`A=B`, a space) cannot reach the container.
 */
const ENV_NAME = {
  message: 'must be letters, digits, `_`, `-` and `.`, not starting with a digit, e.g. `LOG_LEVEL`',
  hint: (value: string): string | undefined => {
    if (value.includes('=')) return 'the name is the part before `=`: put what follows into `value`';
    if (/\s/.test(value)) return 'environment variable names have no spaces; use `_` instead';
    return undefined;
  },
};

const PATTERN_MESSAGES: Readonly<Record<string, { message: string; hint?: (value: string) => string | undefined }>> = {
  'metadata.name': {
    message: 'must be lowercase letters, digits and dashes, starting with a letter and ending with a letter or digit',
    hint: (value) => {
      const slug = slugify(value);
      return slug && slug !== value ? `e.g. ${code(slug)}` : undefined;
    },
  },
  'spec.image.name': {
    message: 'must be lowercase path components (letters and digits, joined by `.`, `_` or `-`) separated by `/`, e.g. `backend/api`',
    hint: (value) => (value.includes(':') || value.includes('@') ? 'put the tag in spec.image.tag, not in the name' : undefined),
  },
  'spec.image.tag': {
    message: 'must be letters, digits, `_`, `.` and `-`, not starting with `.` or `-`',
  },
  'spec.image.registryEndpoint.value': {
    message: 'must be a registry host with an optional path and no scheme, e.g. `rg.fr-par.scw.cloud/my-registry`',
    hint: (value) => {
      if (/^[a-z]+:\/\//i.test(value)) return `drop the scheme: ${code(value.replace(/^[a-z]+:\/\//i, ''))}`;
      if (value.endsWith('/')) return 'drop the trailing `/`';
      if (/[A-Z]/.test(value.replace(/^[^/]*/, ''))) return 'the path after the host must be lowercase';
      return undefined;
    },
  },
  'spec.privateNetworkId.value': {
    message: 'must be `{region}/{uuid}` or a UUID, e.g. `fr-par/11111111-1111-1111-1111-111111111111`',
  },
  'spec.env.variables[].name': ENV_NAME,
  'spec.env.secrets[].name': ENV_NAME,
  'spec.healthCheck.path': {
    message: 'must be an HTTP path starting with `/`, e.g. `/healthz`',
  },
};

/** Hints for fields that are required, where the fix is always the same. */
const REQUIRED_HINTS: Readonly<Record<string, string>> = {
  apiVersion: 'add `apiVersion: scaleway.openmcf.org/v1`',
  kind: 'add `kind: ScalewayServerlessContainer`',
  'spec.privacy': 'add `privacy: public` (no authentication) or `privacy: private` (token required)',
  'spec.region': 'add `region: fr-par`, `nl-ams` or `pl-waw`',
  'spec.image.registryEndpoint': 'add `registryEndpoint: {value: rg.fr-par.scw.cloud/my-registry}`',
};

/**
 * Fields whose value may be or contain a secret: anything in `spec.env.secrets` (a name written
 * where the value belongs too), and the maps on the way to it (`spec.env` set from a flag's JSON).
 * Their values never appear in a message.
 */
function isSecretPath(path: ManifestPath): boolean {
  return mayHoldSecretValue(path) || (path[0] === 'spec' && path[1] === 'env' && path[2] === 'secrets');
}

/** The StringValueOrRef fields: a plain string there is the most common mistake. */
const VALUE_OR_REF_FIELDS = new Set(['spec.image.registryEndpoint', 'spec.privateNetworkId']);

export function describeSchemaError(error: SchemaError, path: ManifestPath, data: unknown, knownProperties: Readonly<Record<string, readonly string[]>>): Finding {
  const value = valueAt(data, path);
  const key = schemaPathKey(path);
  const params = error.params;
  const shown = (v: unknown) => (isSecretPath(path) ? '' : ` (got ${showValue(v)})`);

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const field = [...path, missing];
      const hint = REQUIRED_HINTS[schemaPathKey(field)];
      return { severity: 'error', code: DiagnosticCode.schemaRequired, path: field, at: path, anchor: 'key', message: 'is required', ...(hint ? { hint } : {}) };
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const candidates = knownProperties[key] ?? [];
      const suggestion = didYouMean(unknown, candidates);
      const hint = suggestion ? `did you mean ${code(suggestion)}?` : candidates.length > 0 ? `known fields here: ${candidates.join(', ')}` : undefined;
      return {
        severity: 'error',
        code: DiagnosticCode.schemaAdditionalProperty,
        path: [...path, unknown],
        anchor: 'key',
        message: 'unknown field',
        ...(hint ? { hint } : {}),
      };
    }
    case 'type': {
      const expected = String(params.type);
      let hint: string | undefined;
      if (isSecretPath(path)) {
        // The fixes below quote the value; a secret's value is never echoed.
        hint = expected === 'string' ? 'quote the value to make it a string' : undefined;
      } else if (VALUE_OR_REF_FIELDS.has(key) && typeof value === 'string') {
        hint = `write it as a mapping: \`${String(path[path.length - 1])}: {value: ${value}}\``;
      } else if (expected === 'boolean' && typeof value === 'string' && /^(yes|no|on|off|y|n|true|false)$/i.test(value)) {
        hint = 'write `true` or `false` without quotes';
      } else if ((expected === 'integer' || expected === 'number') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
        hint = `write the number without quotes: ${value}`;
      } else if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        hint = `quote it to make it a string: "${String(value)}"`;
      }
      const what = expected === 'integer' && typeof value === 'number' ? 'must be a whole number' : `must be ${typeArticle(expected)}`;
      return { severity: 'error', code: DiagnosticCode.schemaType, path, message: `${what}${shown(value)}`, ...(hint ? { hint } : {}) };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return {
        severity: 'error',
        code: DiagnosticCode.schemaEnum,
        path,
        message: `must be one of ${allowed.map(code).join(', ')}${shown(value)}`,
        ...(suggestion ? { hint: `did you mean ${code(suggestion)}?` } : {}),
      };
    }
    case 'const':
      return { severity: 'error', code: DiagnosticCode.schemaConst, path, message: `must be ${code(String(params.allowedValue))}${shown(value)}` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { severity: 'error', code: DiagnosticCode.schemaMinimum, path, message: `must be at least ${limitOf(params)}${shown(value)}` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { severity: 'error', code: DiagnosticCode.schemaMaximum, path, message: `must be at most ${limitOf(params)}${shown(value)}` };
    case 'minLength':
      return {
        severity: 'error',
        code: DiagnosticCode.schemaMinLength,
        path,
        message: Number(params.limit) === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`,
      };
    case 'maxLength':
      return {
        severity: 'error',
        code: DiagnosticCode.schemaMaxLength,
        path,
        message: `must be at most ${String(params.limit)} characters long (it has ${typeof value === 'string' ? [...value].length : '?'})`,
      };
    case 'maxItems':
      return {
        severity: 'error',
        code: DiagnosticCode.schemaMaxItems,
        path,
        message: `must have at most ${String(params.limit)} entries (it has ${Array.isArray(value) ? value.length : '?'})`,
      };
    case 'pattern': {
      const known = PATTERN_MESSAGES[key];
      const hint = known?.hint && typeof value === 'string' ? known.hint(value) : undefined;
      return {
        severity: 'error',
        code: DiagnosticCode.schemaPattern,
        path,
        message: `${known?.message ?? `must match ${code(String(params.pattern))}`}${shown(value)}`,
        ...(hint ? { hint } : {}),
      };
    }
    case 'oneOf': {
      const both = Array.isArray(params.passingSchemas);
      return {
        severity: 'error',
        code: DiagnosticCode.schemaOneOf,
        path,
        anchor: 'key',
        message: both ? 'sets both `value` and `valueFrom`; set exactly one' : 'must set `value` or `valueFrom`',
        hint: "e.g. `value: ...` for a literal, or `valueFrom: {kind: ..., name: ...}` for another resource's output",
      };
    }
    default:
      return { severity: 'error', code: DiagnosticCode.schemaOther, path, message: `is invalid (schema keyword ${code(error.keyword)})` };
  }
}

/** A short rendering of the offending value: strings quoted, numbers as written, else its kind. */
function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return kindOf(value);
}

function typeArticle(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${type}`;
  }
}

function limitOf(params: Readonly<Record<string, unknown>>): string {
  return String(params.limit);
}

function slugify(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .replace(/--+/g, '-')
    .slice(0, 34)
    .replace(/-+$/, '');
}
