// Walks the manifest's JSON Schema along a path, to learn what type a field expects. Used by
// `--set` (typing values, refusing unknown fields) and by substitution (typing a number filled from
// a variable). Read from disk only when one of them needs it, so `validate` stays fast.
import { readFileSync } from 'node:fs';

/** The subset of JSON Schema (draft 2020-12) the lookup understands. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema | false;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly $id?: string;
}

/** What a field holds, as far as typing a command-line value needs to know. */
export type ValueKind = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'stringValueOrRef' | 'any';

const SCHEMA_RELATIVE_PATH = 'schemas/scaleway.openmcf.org/v1/ScalewayServerlessContainer.schema.json';

/** The schema file shipped with the package (dist/src/manifest/ -> package root). */
export function schemaFileUrl(): URL {
  return new URL(`../../../${SCHEMA_RELATIVE_PATH}`, import.meta.url);
}

let cached: JsonSchema | undefined;

export function readManifestSchema(): JsonSchema {
  cached ??= JSON.parse(readFileSync(schemaFileUrl(), 'utf8')) as JsonSchema;
  return cached;
}

/** A schema with `$ref` (local `#/$defs/...` or `#/...`) followed, and `allOf` merged in. */
export function resolveSchema(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref !== undefined && depth < 32; depth++) {
    current = { ...followRef(root, current.$ref), ...withoutRef(current) };
  }
  if (current.allOf) {
    return current.allOf.reduce<JsonSchema>((merged, part) => mergeSchemas(merged, resolveSchema(root, part)), withoutAllOf(current));
  }
  return current;
}

function followRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#')) throw new Error(`unsupported $ref ${ref} in the manifest schema`);
  let node: unknown = root;
  for (const raw of ref
    .slice(1)
    .split('/')
    .filter((p) => p.length > 0)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'object' || node === null) throw new Error(`dangling $ref ${ref} in the manifest schema`);
  return node;
}

function withoutRef(schema: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

function withoutAllOf(schema: JsonSchema): JsonSchema {
  const { allOf: _allOf, ...rest } = schema;
  return rest;
}

function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  return { ...a, ...b, properties: { ...a.properties, ...b.properties } };
}

/**
 * The alternatives of a schema (`oneOf`/`anyOf` branches, resolved, each merged with what the
 * parent declares beside them), or the schema itself.
 */
function branches(root: JsonSchema, schema: JsonSchema): JsonSchema[] {
  const alternatives = [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (alternatives.length === 0) return [schema];
  const { oneOf: _oneOf, anyOf: _anyOf, ...shared } = schema;
  return alternatives.flatMap((branch) => branches(root, mergeSchemas(shared, resolveSchema(root, branch))));
}

function types(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return typeof schema.type === 'string' ? [schema.type] : [...schema.type];
}

/** Declared property names of an object schema, across its alternatives. */
export function propertyNames(root: JsonSchema, schema: JsonSchema): string[] {
  const names = new Set<string>();
  for (const branch of branches(root, resolveSchema(root, schema))) {
    for (const name of Object.keys(branch.properties ?? {})) names.add(name);
  }
  return [...names];
}

export type ChildLookup =
  | { readonly found: true; readonly schema: JsonSchema; readonly freeKey: boolean }
  | { readonly found: false; readonly reason: 'unknown-field'; readonly known: readonly string[] }
  | { readonly found: false; readonly reason: 'not-a-list' | 'not-an-object' };

/** The schema of `key` (a property) or of a list item (`index`) inside `schema`. */
export function childSchema(root: JsonSchema, schema: JsonSchema, key: string | number): ChildLookup {
  const resolved = branches(root, resolveSchema(root, schema));
  if (typeof key === 'number') {
    const items = resolved.map((b) => b.items).find((i): i is JsonSchema => i !== undefined && i !== false);
    return items ? { found: true, schema: resolveSchema(root, items), freeKey: false } : { found: false, reason: 'not-a-list' };
  }
  for (const branch of resolved) {
    const property = branch.properties?.[key];
    if (property) return { found: true, schema: resolveSchema(root, property), freeKey: false };
  }
  for (const branch of resolved) {
    const extra = branch.additionalProperties;
    if (typeof extra === 'object') return { found: true, schema: resolveSchema(root, extra), freeKey: true };
  }
  const isObject = resolved.some((b) => types(b).includes('object') || b.properties !== undefined);
  if (!isObject) return { found: false, reason: 'not-an-object' };
  return { found: false, reason: 'unknown-field', known: propertyNames(root, schema) };
}

/** Whether the schema is a map that takes keys of the user's choosing (like `metadata.labels`). */
export function isFreeMap(root: JsonSchema, schema: JsonSchema): boolean {
  return branches(root, resolveSchema(root, schema)).some((b) => typeof b.additionalProperties === 'object');
}

/** What kind of value the schema expects. */
export function valueKind(root: JsonSchema, schema: JsonSchema): ValueKind {
  const resolved = branches(root, resolveSchema(root, schema));
  if (resolved.some((b) => b.properties?.value !== undefined) && resolved.some((b) => b.properties?.valueFrom !== undefined)) {
    return 'stringValueOrRef';
  }
  const all = new Set(resolved.flatMap((b) => types(b)));
  for (const b of resolved) {
    if (b.enum?.every((v) => typeof v === 'string') || typeof b.const === 'string') all.add('string');
  }
  if (all.size === 2 && all.has('integer') && all.has('number')) return 'number';
  if (all.size !== 1) return 'any';
  const only = [...all][0];
  switch (only) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'array':
    case 'object':
      return only;
    default:
      return 'any';
  }
}
