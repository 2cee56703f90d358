// Turns a path into the document's source position, so that every problem found on the plain
// data (by the schema or a rule) can point at the line and column the user wrote.
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { ParsedDocument } from './document.js';
import type { ManifestPath } from './path.js';

export interface Position {
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

/** `key`: the mapping key (unknown fields, whole entries); `value`: the value written there. */
export type Anchor = 'key' | 'value';

/**
 * The position of the node at `path`, or of the deepest existing ancestor when the path leads
 * nowhere in the source (a missing field, a key that came from a `<<` merge).
 */
export function locate(doc: ParsedDocument, path: ManifestPath, anchor: Anchor = 'value'): Position {
  const offset = locateOffset(doc, path, anchor);
  const { line, col } = doc.lineCounter.linePos(offset);
  return { line, column: col };
}

/** Where the document's content starts: the position of its first key. */
export function documentStart(doc: ParsedDocument): Position {
  return locate(doc, [], 'value');
}

function locateOffset(doc: ParsedDocument, path: ManifestPath, anchor: Anchor): number {
  let node = resolve(doc, doc.document.contents);
  let fallback = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = findPair(node.items, segment);
      if (!pair) return fallback;
      const keyOffset = (pair.key as Node | null)?.range?.[0];
      const value = resolve(doc, pair.value as Node | null);
      if (last && anchor === 'key' && keyOffset !== undefined) return keyOffset;
      // An empty value (`port:`) has no range of its own worth pointing at: use the key.
      const valueOffset = value?.range?.[0];
      fallback = valueOffset !== undefined && !isEmptyScalar(value) ? valueOffset : (keyOffset ?? fallback);
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = resolve(doc, (node.items[segment] as Node | undefined) ?? null);
      if (!item) return fallback;
      fallback = item.range?.[0] ?? fallback;
      node = item;
    } else {
      return fallback;
    }
  }
  return fallback;
}

function findPair(items: Pair<unknown, unknown>[], segment: string | number): Pair<unknown, unknown> | undefined {
  return items.find((pair) => {
    const key = pair.key;
    const name = isScalar(key) ? key.value : key;
    return name !== null && name !== undefined && String(name) === String(segment);
  });
}

function resolve(doc: ParsedDocument, node: Node | null | undefined): Node | null {
  if (node && isAlias(node)) return (node.resolve(doc.document) as Node | undefined) ?? node;
  return node ?? null;
}

function isEmptyScalar(node: Node | null): boolean {
  return isScalar(node) && node.value === null && node.range != null && node.range[0] === node.range[1];
}
