// Walking a manifest's value scalars with their paths, and recognising secret values by path.
import { isAlias, isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { PathSegment } from './path.js';

/** Whether the path names the value of a secret environment variable: `spec.env.secrets[n].value`. */
export function isSecretValuePath(path: readonly PathSegment[]): boolean {
  return path.length === 5 && path[0] === 'spec' && path[1] === 'env' && path[2] === 'secrets' && typeof path[3] === 'number' && path[4] === 'value';
}

/** Calls `visit` for every scalar in value position (never map keys), depth first, in file order. */
export function forEachValueScalar(node: unknown, visit: (scalar: Scalar, path: readonly PathSegment[]) => void, path: PathSegment[] = []): void {
  if (isAlias(node)) return; // the anchored node is visited where it is defined
  if (isScalar(node)) {
    visit(node, path);
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== 'string' && typeof key !== 'number') continue;
      forEachValueScalar(pair.value, visit, [...path, String(key)]);
    }
    return;
  }
  if (isSeq(node)) {
    node.items.forEach((item, index) => forEachValueScalar(item, visit, [...path, index]));
  }
}
