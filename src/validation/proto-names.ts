// Proto field names. The original OpenMCF CLI reads manifests with protojson, which takes every
// field under its JSON name (`memoryLimitMb`) and under its proto name (`memory_limit_mb`), nested
// ones too (`registry_endpoint`, `value_from`, `field_path`, `cron_triggers`, `api_version`). Here
// the proto names are renamed to the JSON names in the parsed YAML, before anything else reads the
// document (substitution, --set, the schema, the rules): each key node is renamed in place and keeps
// its source range, so every later diagnostic still points at the key the user wrote. Only fields
// the schema declares are renamed; free maps (labels, annotations) are left alone. A mapping that
// gives one field in both spellings is refused: protojson would silently take one of the two.
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ParsedDocument } from '../manifest/document.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { displayPath, schemaPathKey, type PathSegment } from '../manifest/path.js';
import { knownProperties } from './schema-check.js';

/** `memoryLimitMb` -> `memory_limit_mb`, `registrySha256` -> `registry_sha256` (protoc's rule, reversed). */
export function protoName(jsonName: string): string {
  return jsonName.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * Renames proto-named keys of `doc` to their JSON names, in place. Returns an error for each key
 * that repeats, in the other spelling, a field its mapping already has; that key is dropped so the
 * schema does not report it a second time as an unknown field.
 */
export function normaliseProtoNames(doc: ParsedDocument, known: Readonly<Record<string, readonly string[]>> = knownProperties()): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const visited = new Set<Node>();

  const walk = (node: unknown, path: PathSegment[]): void => {
    const resolved = isAlias(node) ? (node.resolve(doc.document) as Node | undefined) : (node as Node | null | undefined);
    if (!resolved || visited.has(resolved)) return;
    if (isSeq(resolved)) {
      visited.add(resolved);
      resolved.items.forEach((item, index) => walk(item, [...path, index]));
      return;
    }
    if (!isMap(resolved)) return;
    const names = known[schemaPathKey(path)];
    if (names === undefined) return; // a free map (labels, annotations) or a field the schema will report
    // Marked only once handled: an anchored map first seen where no field is known can still be
    // merged (`<<: *base`) into one where they are.
    visited.add(resolved);
    const jsonNameOf = new Map(names.map((name) => [protoName(name), name]));
    const seen = new Map<string, string>();
    const dropped: Pair<unknown, unknown>[] = [];
    for (const pair of resolved.items) {
      const key = pair.key;
      const written = isScalar(key) ? key.value : key;
      if (isScalar(key) && key.source === '<<' && typeof written === 'symbol') {
        // A merge key (`<<: *base` or `<<: [*a, *b]`): the merged mappings' fields belong to this one.
        const merged = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const source of merged) walk(source, path);
        continue;
      }
      if (typeof written !== 'string') continue;
      const field = names.includes(written) ? written : (jsonNameOf.get(written) ?? written);
      const earlier = seen.get(field);
      if (earlier !== undefined && earlier !== written) {
        diagnostics.push(duplicateSpelling(doc, key as Scalar, [...path, field], written, earlier));
        dropped.push(pair);
        continue;
      }
      seen.set(field, written);
      if (field !== written) (key as Scalar).value = field;
      walk(pair.value, [...path, field]);
    }
    if (dropped.length > 0) resolved.items = resolved.items.filter((pair) => !dropped.includes(pair));
  };

  walk(doc.document.contents, []);
  return diagnostics;
}

function duplicateSpelling(doc: ParsedDocument, key: Scalar, path: PathSegment[], written: string, earlier: string): Diagnostic {
  const { line, col } = doc.lineCounter.linePos(key.range?.[0] ?? 0);
  return {
    file: doc.file,
    line,
    column: col,
    severity: 'error',
    code: DiagnosticCode.schemaDuplicateField,
    path: displayPath(path),
    message: `\`${written}\` and \`${earlier}\` are the same field (proto and JSON spelling), given twice in this mapping`,
    hint: 'remove one of the two',
  };
}
