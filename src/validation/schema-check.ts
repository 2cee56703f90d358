// Runs the JSON Schema validator that scripts/generate-validator.mjs compiled at build time into
// dist/vendor/manifest-validator.js (no schema is compiled at start-up, ajv's compiler is never
// loaded), and turns its errors into findings.
import { fileURLToPath } from 'node:url';
import { pointerToPath } from '../manifest/path.js';
import { loadCachedScript } from '../manifest/vendor-bundles.js';
import { describeSchemaError, type SchemaError } from './schema-messages.js';
import type { Finding } from './finding.js';

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

interface GeneratedValidator {
  readonly validate: CompiledValidator;
  readonly knownProperties: Readonly<Record<string, readonly string[]>>;
}

const VALIDATOR = fileURLToPath(new URL('../../vendor/manifest-validator.js', import.meta.url));
let generated: GeneratedValidator | undefined;

/** Loaded on first use; a build that did not generate it is a bug of the build, said plainly. */
function compiledValidator(): GeneratedValidator {
  if (!generated) {
    try {
      generated = loadCachedScript<GeneratedValidator>(VALIDATOR);
    } catch (error) {
      throw new Error(`the compiled manifest schema is missing (${VALIDATOR}); run \`node scripts/build.mjs\``, { cause: error });
    }
  }
  return generated;
}

/**
 * The property names of every closed object of the schema, keyed by the schema-shaped instance
 * path (`spec.env.variables[]`); free maps such as `metadata.labels` have no entry.
 */
export function knownProperties(): Readonly<Record<string, readonly string[]>> {
  return compiledValidator().knownProperties;
}

export function checkSchema(data: unknown): Finding[] {
  const { validate: validateSchema, knownProperties } = compiledValidator();
  if (validateSchema(data)) return [];
  const errors = relevantErrors(validateSchema.errors ?? []);
  const findings = errors.map((error) => describeSchemaError(error, pointerToPath(error.instancePath, data), data, knownProperties));
  return dedupe(findings);
}

/**
 * ajv in allErrors mode also reports why each `oneOf` branch failed, and keeps checking keywords
 * on a value of the wrong type. Keep the errors a person can act on: a type error alone for its
 * value, an empty string's error without its pattern's, and a `oneOf` error without the `required`
 * failures of its branches.
 */
function relevantErrors(errors: readonly SchemaError[]): SchemaError[] {
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const emptyAt = new Set(errors.filter((e) => e.keyword === 'minLength').map((e) => e.instancePath));
  return errors.filter((error) => {
    if (error.keyword !== 'type' && typeErrorAt.has(error.instancePath)) return false;
    // "must not be empty" says it all; the pattern an empty string also fails would only repeat it.
    if (error.keyword === 'pattern' && emptyAt.has(error.instancePath)) return false;
    if (error.keyword === 'required' && error.schemaPath.includes('/oneOf/')) return false;
    return true;
  });
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.path.join('\u0000')}|${finding.code}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
