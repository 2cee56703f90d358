// `--set path=value`: changes a manifest field before validation, typed by the JSON Schema
// (numbers, booleans, lists and objects as JSON, strings; a bare string on a StringValueOrRef sets
// its `value`). Parsing a flag needs only the schema, so it happens once per run
// (`parseOverrides`); applying needs the document (`applyOverrides`).
//
// Problems with a flag are diagnostics whose `file` is the flag itself (`--set spec.minScale=abc`)
// with line and column 0, meaning "no position in a file". Validation errors about a field a flag
// set are attributed to that flag the same way (`attributeToOverride`).
import { isMap, isScalar, isSeq, type Document, type Node, type ParsedNode } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ParsedDocument } from './document.js';
import { isSecretValuePath } from './node-path.js';
import { mayHoldSecretValue, mayMeanSecretValue } from './secret-paths.js';
import { displayPath, type PathSegment } from './path.js';
import { parsePath, parseSetFlag } from './set-flag.js';
import { childSchema, isFreeMap, readManifestSchema, valueKind, type JsonSchema } from './schema-lookup.js';
import { typeValue } from './typed-value.js';
import { didYouMean } from '../core/did-you-mean.js';
import { SECRET_MASK, SecretValues } from '../core/secrets.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';

export interface Override {
  /** The flag as it may be shown: `--set spec.minScale=1` (a secret value masked). */
  readonly flag: string;
  readonly path: readonly PathSegment[];
  /** The value, typed by the schema. */
  readonly value: unknown;
}

export interface OverrideOptions {
  /** Told of each value a flag sets that is taken as secret (they are also returned as `secrets`):
   * for callers that only need to know whether a flag holds one. */
  readonly onSecret?: (value: string) => void;
  /** The manifest schema; read from the package by default. */
  readonly loadSchema?: () => JsonSchema;
}

/** In place of the value of a flag whose path could not be read, so it may have been a secret. */
const VALUE_NOT_SHOWN = '[not shown]';

/** Parses and types every `--set` flag against the schema. The values set on paths that may hold a
 * secret are returned as `secrets`, for the run to mask in all output. */
export function parseOverrides(sets: readonly string[], options: OverrideOptions = {}): { overrides: Override[]; diagnostics: Diagnostic[]; secrets: SecretValues } {
  const overrides: Override[] = [];
  const diagnostics: Diagnostic[] = [];
  let secrets = SecretValues.none;
  if (sets.length === 0) return { overrides, diagnostics, secrets };
  const onSecret = (value: string): void => {
    secrets = secrets.with(value);
    options.onSecret?.(value);
  };
  const root = (options.loadSchema ?? readManifestSchema)();
  for (const text of sets) {
    const result = parseOne(root, text, onSecret);
    if ('override' in result) overrides.push(result.override);
    else diagnostics.push(result.diagnostic);
  }
  return { overrides, diagnostics, secrets };
}

function parseOne(root: JsonSchema, text: string, onSecret: (value: string) => void): { override: Override } | { diagnostic: Diagnostic } {
  const parsed = parseSetFlag(text);
  if (!parsed.ok) return { diagnostic: flagProblem(unreadableFlag(root, text), '', DiagnosticCode.setSyntax, parsed.message) };

  const resolved = resolveAgainstSchema(root, parsed.path);
  // Decided by the path alone, before the value is looked at: a value that may be a secret is never
  // quoted, whatever is wrong with it, and is returned to be masked in all output.
  const secret = resolved.ok ? mayHoldSecretValue(resolved.path) : resolved.mayMeanSecret;
  if (secret) onSecret(parsed.value);
  const flag = shownFlag(text, secret ? SECRET_MASK : undefined);
  if (!resolved.ok) return { diagnostic: flagProblem(flag, resolved.at, DiagnosticCode.setUnknownField, resolved.message, resolved.hint) };

  const path = displayPath(resolved.path);
  const typed = typeValue(valueKind(root, resolved.schema), parsed.value);
  if (!typed.ok) {
    const got = secret ? '' : `, got ${JSON.stringify(parsed.value)}`;
    return { diagnostic: flagProblem(flag, path, DiagnosticCode.setType, `must be ${typed.expected}${got}`) };
  }
  // A list or object in JSON (`spec.env.secrets=[{...}]`): each secret value in it, on its own.
  if (secret) forEachSecretValue(typed.value, resolved.path, onSecret);
  return { override: { flag, path: resolved.path, value: typed.value } };
}

/** The flag as messages show it: the value replaced by `mask` when there is one. */
function shownFlag(text: string, mask: string | undefined): string {
  if (mask === undefined) return `--set ${text}`;
  const equals = text.indexOf('=');
  return equals < 0 ? `--set ${mask}` : `--set ${text.slice(0, equals)}=${mask}`;
}

/**
 * A flag whose path cannot be read: what it would have set is unknown, so its value is not shown.
 * Without any `=` the whole text is shown only when it is a path the schema knows (`--set
 * spec.minScale`); anything else may be a value given without its path.
 */
function unreadableFlag(root: JsonSchema, text: string): string {
  if (text.includes('=')) return shownFlag(text, VALUE_NOT_SHOWN);
  const path = parsePath(text);
  const known = typeof path !== 'string' && resolveAgainstSchema(root, path).ok;
  return known ? `--set ${text}` : `--set ${VALUE_NOT_SHOWN}`;
}

type Resolution =
  | { readonly ok: true; readonly path: PathSegment[]; readonly schema: JsonSchema }
  | {
      readonly ok: false;
      readonly at: string;
      readonly message: string;
      readonly hint?: string;
      /** Whether the user may have meant a path that holds secret values (`spec.env.secerts`). */
      readonly mayMeanSecret: boolean;
    };

/**
 * Walks the schema along the path. Field names may be written in snake_case or kebab-case too
 * (`min_scale` finds `minScale`). Inside a map with free-form keys (`metadata.labels`), the rest of
 * a dotted path is one key, so `metadata.labels.pulumi.openmcf.org/project=x` needs no quoting.
 */
function resolveAgainstSchema(root: JsonSchema, raw: readonly PathSegment[]): Resolution {
  const path: PathSegment[] = [];
  let schema = root;
  for (let i = 0; i < raw.length; i++) {
    let segment = raw[i] as PathSegment;
    if (typeof segment === 'string' && isFreeMap(root, schema)) {
      let end = i + 1;
      while (end < raw.length && typeof raw[end] === 'string') end += 1;
      const rest = raw.slice(i, end) as string[];
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
      const message =
        child.reason === 'not-a-list'
          ? `${displayPath(path) || 'the manifest'} is not a list; [${String(segment)}] cannot index it`
          : `${displayPath(path)} has no fields (it holds a single value)`;
      return { ok: false, at: here, message, mayMeanSecret: mayHoldSecretValue(path) };
    }
    if (typeof segment === 'number') {
      const message = `${displayPath(path)} is not a list; [${segment}] cannot index it`;
      return { ok: false, at: here, message, mayMeanSecret: mayHoldSecretValue(path) };
    }
    const canonical = child.known.find((name) => normalize(name) === normalize(segment));
    if (canonical !== undefined) {
      path.push(canonical);
      schema = (childSchema(root, schema, canonical) as { schema: JsonSchema }).schema;
      continue;
    }
    const suggestion = didYouMean(segment, child.known);
    return {
      ok: false,
      at: here,
      message: 'unknown field',
      hint: suggestion ? `did you mean \`${suggestion}\`?` : `known fields here: ${child.known.join(', ')}`,
      mayMeanSecret: mayMeanSecretValue(path, segment, child.known),
    };
  }
  return { ok: true, path, schema };
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

function isScalarKind(kind: string): boolean {
  return kind === 'string' || kind === 'integer' || kind === 'number' || kind === 'boolean';
}

function flagProblem(flag: string, path: string, code: string, message: string, hint?: string): Diagnostic {
  return { file: flag, line: 0, column: 0, severity: 'error', code, path, message, ...(hint ? { hint } : {}) };
}

/**
 * Applies parsed overrides to one document, in flag order, in place. Missing maps and lists on the
 * way are created (`spec.env.variables[0].value=x` on a manifest without `env`); a list index may
 * be at most the list's length (that appends).
 */
export function applyOverrides(doc: ParsedDocument, overrides: readonly Override[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const override of overrides) {
    const problem = setIn(doc.document, override.path, override.value);
    if (problem) {
      diagnostics.push(flagProblem(override.flag, displayPath(override.path), DiagnosticCode.setPath, `${problem} in ${doc.file}`));
      continue;
    }
    recordOverride(doc, displayPath(override.path), override.flag);
  }
  return diagnostics;
}

/** Remembers which flag set a path; a later flag on a parent path supersedes those below it. */
function recordOverride(doc: ParsedDocument, path: string, flag: string): void {
  const overrides = (doc.overrides ??= new Map<string, string>());
  for (const key of [...overrides.keys()]) {
    if (key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) overrides.delete(key);
  }
  overrides.set(path, flag);
}

function setIn(document: Document.Parsed, path: readonly PathSegment[], value: unknown): string | undefined {
  if (!isMap(document.contents)) return 'the document is not a mapping';
  let parent: Node = document.contents;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as PathSegment;
    const last = i === path.length - 1;
    const next = path[i + 1];
    const container = parent;
    if (typeof segment === 'number') {
      if (!isSeq(container)) return `${displayPath(path.slice(0, i))} is not a list`;
      if (segment > container.items.length) {
        return `${displayPath(path.slice(0, i + 1))} is out of range (the list has ${container.items.length} items; [${container.items.length}] appends)`;
      }
    } else if (!isMap(container)) {
      return `${displayPath(path.slice(0, i))} is not a mapping`;
    }
    const existing = container.get(segment, true) as ParsedNode | undefined;
    if (last) {
      if (isScalar(existing) && (value === null || typeof value !== 'object')) {
        // Keep the node (its comments); drop its quoting style, which was for the old value.
        existing.value = value;
        existing.type = undefined;
      } else {
        container.set(segment, document.createNode(value));
      }
      return undefined;
    }
    if (existing === undefined || (isScalar(existing) && existing.value === null)) {
      const created = document.createNode(typeof next === 'number' ? [] : {});
      if (typeof segment === 'number' && segment === (container as { items: unknown[] }).items.length) {
        (container as { add(value: unknown): void }).add(created);
      } else {
        container.set(segment, created);
      }
      parent = created;
    } else {
      parent = existing;
    }
  }
  return undefined;
}

function forEachSecretValue(value: unknown, path: readonly PathSegment[], onSecret: (value: string) => void): void {
  if (isSecretValuePath(path)) {
    if (typeof value === 'string') onSecret(value);
    return;
  }
  if (Array.isArray(value)) value.forEach((item, index) => forEachSecretValue(item, [...path, index], onSecret));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) forEachSecretValue(child, [...path, key], onSecret);
  }
}

/** The flag that set this path or one of its parents (the last such flag wins), if any. */
export function overrideFlagFor(doc: ParsedDocument, path: string): string | undefined {
  let found: { key: string; flag: string } | undefined;
  for (const [key, flag] of doc.overrides ?? []) {
    const covers = path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);
    if (covers && (found === undefined || key.length >= found.key.length)) found = { key, flag };
  }
  return found?.flag;
}

/** A diagnostic about a field set by `--set` names the flag instead of a line of the file. */
export function attributeToOverride(doc: ParsedDocument, diagnostic: Diagnostic): Diagnostic {
  const flag = overrideFlagFor(doc, diagnostic.path);
  return flag === undefined ? diagnostic : { ...diagnostic, file: flag, line: 0, column: 0 };
}
