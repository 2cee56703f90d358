import { expandVariables } from './expand.js';
import { forEachValueScalar, isSecretValuePath } from './node-path.js';
import { displayPath } from './path.js';
import { childSchema, readManifestSchema, valueKind } from './schema-lookup.js';
import { typeValue } from './typed-value.js';
import { registerSecret } from '../render/redact.js';
/**
 * Replaces `${VAR}` in string scalars, in place, keeping positions. Values that end up in a secret
 * go to `onSecret` (by default registered for masking in all output).
 */
export function substituteVariables(doc, variables, onSecret = registerSecret) {
    const diagnostics = [];
    forEachValueScalar(doc.document.contents, (scalar, path) => {
        if (typeof scalar.value !== 'string')
            return;
        const expansion = expandVariables(scalar.value, variables);
        if (!expansion.changed)
            return;
        const secret = isSecretValuePath(path);
        if (secret) {
            // Register the pieces too: a secret assembled from parts (`postgres://u:${PASS}@db`) must not
            // leak through a message that quotes only one part.
            for (const piece of expansion.inserted)
                onSecret(piece);
            onSecret(expansion.value);
        }
        if (expansion.problems.length > 0) {
            const position = startOf(doc, scalar);
            for (const problem of expansion.problems) {
                diagnostics.push({
                    ...position,
                    severity: 'error',
                    code: problem.code,
                    path: displayPath(path),
                    message: problem.message,
                    hint: problem.hint,
                });
            }
            return;
        }
        scalar.value = secret ? expansion.value : typedForField(path, expansion.value);
    });
    return diagnostics;
}
function startOf(doc, scalar) {
    const { line, col } = doc.lineCounter.linePos(scalar.range?.[0] ?? 0);
    return { file: doc.file, line, column: col };
}
const LOOKS_TYPED = /^([-+]?[\d.]+([eE][-+]?\d+)?|true|false)$/;
/**
 * `port: ${PORT}` must give the number 8080, not the string "8080": a substituted value that looks
 * like a number or boolean takes the type the schema expects at that field. Strings stay strings
 * (an all-digit password is still a string). The schema is read only in that case.
 */
function typedForField(path, value) {
    if (!LOOKS_TYPED.test(value))
        return value;
    let root;
    try {
        root = readManifestSchema();
    }
    catch {
        return value; // without a schema the validator reports the type problem with its position
    }
    let schema = root;
    for (const segment of path) {
        const child = childSchema(root, schema, segment);
        if (!child.found)
            return value;
        schema = child.schema;
    }
    const typed = typeValue(valueKind(root, schema), value);
    return typed.ok && typeof typed.value !== 'object' ? typed.value : value;
}
