// Paths into a manifest, written the way diagnostics show them: `spec.env.variables[0].value`.
import { isAlias, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `spec.env.variables[0].name`; keys that are not plain words are quoted: `metadata.labels["a/b.c"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Whether the path names the value of a secret environment variable: `spec.env.secrets[n].value`. */
export function isSecretValuePath(path: readonly PathSegment[]): boolean {
  return (
    path.length === 5 &&
    path[0] === 'spec' &&
    path[1] === 'env' &&
    path[2] === 'secrets' &&
    typeof path[3] === 'number' &&
    path[4] === 'value'
  );
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
    node.items.forEach((item, index) => forEachValueScalar(item as Node, visit, [...path, index]));
  }
}
