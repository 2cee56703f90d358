// `${VAR}` substitution in the manifest's string values (grammar in expand.ts). It works on the
// parsed YAML nodes, not on the text, so a variable can never inject YAML structure and every node
// keeps its source range: later validation errors still point at the right line.
import type { Scalar } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ParsedDocument } from './document.js';
import { expandVariables, type ExpansionProblem } from './expand.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { forEachValueScalar, isSecretValuePath } from './node-path.js';
import { displayPath, type PathSegment } from './path.js';
import { childSchema, readManifestSchema, valueKind, type JsonSchema } from './schema-lookup.js';
import { typeValue } from './typed-value.js';
import { SecretValues } from '../core/secrets.js';

/**
 * Replaces `${VAR}` in string scalars, in place, keeping positions. Values that end up in a secret
 * are returned as `secrets`, for the run to mask in all output.
 */
export function substituteVariables(doc: ParsedDocument, variables: Readonly<Record<string, string | undefined>>): { diagnostics: Diagnostic[]; secrets: SecretValues } {
  const diagnostics: Diagnostic[] = [];
  let secrets = SecretValues.none;
  forEachValueScalar(doc.document.contents, (scalar, path) => {
    if (typeof scalar.value !== 'string') return;
    const expansion = expandVariables(scalar.value, variables);
    if (!expansion.changed) return;
    const secret = isSecretValuePath(path);
    if (secret) {
      // The pieces too: a secret assembled from parts (`postgres://u:${PASS}@db`) must not leak
      // through a message that quotes only one part.
      secrets = secrets.with(...expansion.inserted, expansion.value);
    }
    if (expansion.problems.length > 0) {
      const position = startOf(doc, scalar);
      for (const problem of expansion.problems) {
        const { message, hint } = secret ? secretSafe(problem) : problem;
        diagnostics.push({ ...position, severity: 'error', code: problem.code, path: displayPath(path), message, hint });
      }
      return;
    }
    scalar.value = secret ? expansion.value : typedForField(path, expansion.value);
  });
  return { diagnostics, secrets };
}

/**
 * A problem in a secret's text, told without any of that text: not even a variable's name, which in
 * a secret such as `pa${ss}word` is a piece of the password. The position points at the value.
 */
function secretSafe(problem: ExpansionProblem): { message: string; hint: string } {
  if (problem.code !== DiagnosticCode.substitutionUnsetVariable) return problem; // these name no text
  return {
    message: 'a ${...} variable in this secret value is not set (its name is not shown: no part of a secret is)',
    hint: 'export the variable the value refers to, add it to the --env-file, or give a default ${NAME:-value}; write $${ for a literal ${',
  };
}

function startOf(doc: ParsedDocument, scalar: Scalar): { file: string; line: number; column: number } {
  const { line, col } = doc.lineCounter.linePos(scalar.range?.[0] ?? 0);
  return { file: doc.file, line, column: col };
}

const LOOKS_TYPED = /^([-+]?[\d.]+([eE][-+]?\d+)?|true|false)$/;

/**
 * `port: ${PORT}` must give the number 8080, not the string "8080": a substituted value that looks
 * like a number or boolean takes the type the schema expects at that field. Strings stay strings
 * (an all-digit password is still a string). The schema is read only in that case.
 */
function typedForField(path: readonly PathSegment[], value: string): unknown {
  if (!LOOKS_TYPED.test(value)) return value;
  let root: JsonSchema;
  try {
    root = readManifestSchema();
  } catch {
    return value; // without a schema the validator reports the type problem with its position
  }
  let schema: JsonSchema = root;
  for (const segment of path) {
    const child = childSchema(root, schema, segment);
    if (!child.found) return value;
    schema = child.schema;
  }
  const typed = typeValue(valueKind(root, schema), value);
  return typed.ok && typeof typed.value !== 'object' ? typed.value : value;
}
