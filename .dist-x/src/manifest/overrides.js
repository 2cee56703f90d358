// `--set path=value`: changes a manifest field before validation, typed by the JSON Schema
// (numbers, booleans, lists and objects as JSON, strings; a bare string on a StringValueOrRef sets
// its `value`). Parsing a flag needs only the schema, so it happens once per run
// (`parseOverrides`); applying needs the document (`applyOverrides`).
//
// Problems with a flag are diagnostics whose `file` is the flag itself (`--set spec.minScale=abc`)
// with line and column 0, meaning "no position in a file". Validation errors about a field a flag
// set are attributed to that flag the same way (`attributeToOverride`).
import { isMap, isScalar, isSeq } from 'yaml';
import { isSecretValuePath } from './node-path.js';
import { displayPath } from './path.js';
import { parseSetFlag } from './set-flag.js';
import { childSchema, isFreeMap, readManifestSchema, valueKind } from './schema-lookup.js';
import { typeValue } from './typed-value.js';
import { didYouMean } from '../spec/did-you-mean.js';
import { registerSecret } from '../render/redact.js';
import { DiagnosticCode } from './codes.js';
const SECRET_MASK = '[secret]';
/** Parses and types every `--set` flag against the schema. */
export function parseOverrides(sets, options = {}) {
    const overrides = [];
    const diagnostics = [];
    if (sets.length === 0)
        return { overrides, diagnostics };
    const root = (options.loadSchema ?? readManifestSchema)();
    for (const text of sets) {
        const result = parseOne(root, text, options.onSecret ?? registerSecret);
        if ('override' in result)
            overrides.push(result.override);
        else
            diagnostics.push(result.diagnostic);
    }
    return { overrides, diagnostics };
}
function parseOne(root, text, onSecret) {
    const parsed = parseSetFlag(text);
    if (!parsed.ok)
        return { diagnostic: flagProblem(shownFlag(text, false), '', DiagnosticCode.setSyntax, parsed.message) };
    const resolved = resolveAgainstSchema(root, parsed.path);
    const secret = resolved.ok && isSecretValuePath(resolved.path);
    const flag = shownFlag(text, secret);
    if (!resolved.ok)
        return { diagnostic: flagProblem(flag, resolved.at, DiagnosticCode.setUnknownField, resolved.message, resolved.hint) };
    const path = displayPath(resolved.path);
    const typed = typeValue(valueKind(root, resolved.schema), parsed.value);
    if (!typed.ok) {
        const got = secret ? '' : `, got ${JSON.stringify(parsed.value)}`;
        return { diagnostic: flagProblem(flag, path, DiagnosticCode.setType, `must be ${typed.expected}${got}`) };
    }
    if (secret)
        onSecret(parsed.value);
    return { override: { flag, path: resolved.path, value: typed.value } };
}
/**
 * The flag as messages show it. The value of a secret is masked; so is the value of a flag that
 * failed to parse or resolve but mentions secrets (a misspelt `spec.env.secret[0].value=...`).
 */
function shownFlag(text, secret) {
    const equals = text.indexOf('=');
    const path = equals < 0 ? text : text.slice(0, equals);
    if (!secret && !/secret/i.test(path))
        return `--set ${text}`;
    return equals < 0 ? `--set ${SECRET_MASK}` : `--set ${path}=${SECRET_MASK}`;
}
/**
 * Walks the schema along the path. Field names may be written in snake_case or kebab-case too
 * (`min_scale` finds `minScale`). Inside a map with free-form keys (`metadata.labels`), the rest of
 * a dotted path is one key, so `metadata.labels.pulumi.openmcf.org/project=x` needs no quoting.
 */
function resolveAgainstSchema(root, raw) {
    const path = [];
    let schema = root;
    for (let i = 0; i < raw.length; i++) {
        let segment = raw[i];
        if (typeof segment === 'string' && isFreeMap(root, schema)) {
            let end = i + 1;
            while (end < raw.length && typeof raw[end] === 'string')
                end += 1;
            const rest = raw.slice(i, end);
            const probe = childSchema(root, schema, rest.join('.'));
            if (probe.found && isScalarKind(valueKind(root, probe.schema))) {
                segment = rest.join('.');
                i = end - 1;
            }
        }
        const child = childSchema(root, schema, segment);
        if (child.found) {
            path.push(segment);
            schema = child.schema;
            continue;
        }
        const here = displayPath([...path, segment]);
        if (child.reason !== 'unknown-field') {
            const message = child.reason === 'not-a-list'
                ? `${displayPath(path) || 'the manifest'} is not a list; [${String(segment)}] cannot index it`
                : `${displayPath(path)} has no fields (it holds a single value)`;
            return { ok: false, at: here, message };
        }
        if (typeof segment === 'number') {
            return { ok: false, at: here, message: `${displayPath(path)} is not a list; [${segment}] cannot index it` };
        }
        const canonical = child.known.find((name) => normalize(name) === normalize(segment));
        if (canonical !== undefined) {
            path.push(canonical);
            schema = childSchema(root, schema, canonical).schema;
            continue;
        }
        const suggestion = didYouMean(segment, child.known);
        return {
            ok: false,
            at: here,
            message: 'unknown field',
            hint: suggestion ? `did you mean \`${suggestion}\`?` : `known fields here: ${child.known.join(', ')}`,
        };
    }
    return { ok: true, path, schema };
}
function normalize(name) {
    return name.toLowerCase().replace(/[-_]/g, '');
}
function isScalarKind(kind) {
    return kind === 'string' || kind === 'integer' || kind === 'number' || kind === 'boolean';
}
function flagProblem(flag, path, code, message, hint) {
    return { file: flag, line: 0, column: 0, severity: 'error', code, path, message, ...(hint ? { hint } : {}) };
}
/**
 * Applies parsed overrides to one document, in flag order, in place. Missing maps and lists on the
 * way are created (`spec.env.variables[0].value=x` on a manifest without `env`); a list index may
 * be at most the list's length (that appends).
 */
export function applyOverrides(doc, overrides, options = {}) {
    const diagnostics = [];
    for (const override of overrides) {
        const problem = setIn(doc.document, override.path, override.value);
        if (problem) {
            diagnostics.push(flagProblem(override.flag, displayPath(override.path), DiagnosticCode.setPath, `${problem} in ${doc.file}`));
            continue;
        }
        recordOverride(doc, displayPath(override.path), override.flag);
        if (touchesSecrets(override.path))
            forEachSecretValue(override.value, override.path, options.onSecret ?? registerSecret);
    }
    return diagnostics;
}
/** Remembers which flag set a path; a later flag on a parent path supersedes those below it. */
function recordOverride(doc, path, flag) {
    const overrides = (doc.overrides ??= new Map());
    for (const key of [...overrides.keys()]) {
        if (key.startsWith(`${path}.`) || key.startsWith(`${path}[`))
            overrides.delete(key);
    }
    overrides.set(path, flag);
}
function setIn(document, path, value) {
    if (!isMap(document.contents))
        return 'the document is not a mapping';
    let parent = document.contents;
    for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        const last = i === path.length - 1;
        const next = path[i + 1];
        const container = parent;
        if (typeof segment === 'number') {
            if (!isSeq(container))
                return `${displayPath(path.slice(0, i))} is not a list`;
            if (segment > container.items.length) {
                return `${displayPath(path.slice(0, i + 1))} is out of range (the list has ${container.items.length} items; [${container.items.length}] appends)`;
            }
        }
        else if (!isMap(container)) {
            return `${displayPath(path.slice(0, i))} is not a mapping`;
        }
        const existing = container.get(segment, true);
        if (last) {
            if (isScalar(existing) && (value === null || typeof value !== 'object')) {
                // Keep the node (its comments); drop its quoting style, which was for the old value.
                existing.value = value;
                existing.type = undefined;
            }
            else {
                container.set(segment, document.createNode(value));
            }
            return undefined;
        }
        if (existing === undefined || (isScalar(existing) && existing.value === null)) {
            const created = document.createNode(typeof next === 'number' ? [] : {});
            if (typeof segment === 'number' && segment === container.items.length) {
                container.add(created);
            }
            else {
                container.set(segment, created);
            }
            parent = created;
        }
        else {
            parent = existing;
        }
    }
    return undefined;
}
/** Whether the override sets a secret value or something that holds secret values (`spec.env`). */
function touchesSecrets(path) {
    const secretValue = ['spec', 'env', 'secrets', 0, 'value'];
    return path.length <= secretValue.length && path.every((s, i) => (i === 3 ? typeof s === 'number' : s === secretValue[i]));
}
function forEachSecretValue(value, path, onSecret) {
    if (isSecretValuePath(path)) {
        if (typeof value === 'string')
            onSecret(value);
        return;
    }
    if (Array.isArray(value))
        value.forEach((item, index) => forEachSecretValue(item, [...path, index], onSecret));
    else if (typeof value === 'object' && value !== null) {
        for (const [key, child] of Object.entries(value))
            forEachSecretValue(child, [...path, key], onSecret);
    }
}
/** The flag that set this path or one of its parents (the last such flag wins), if any. */
export function overrideFlagFor(doc, path) {
    let found;
    for (const [key, flag] of doc.overrides ?? []) {
        const covers = path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);
        if (covers && (found === undefined || key.length >= found.key.length))
            found = { key, flag };
    }
    return found?.flag;
}
/** A diagnostic about a field set by `--set` names the flag instead of a line of the file. */
export function attributeToOverride(doc, diagnostic) {
    const flag = overrideFlagFor(doc, diagnostic.path);
    return flag === undefined ? diagnostic : { ...diagnostic, file: flag, line: 0, column: 0 };
}
