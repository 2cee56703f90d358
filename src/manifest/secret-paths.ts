// Which paths of a manifest may hold a secret value, for text that comes from outside the file
// (a `--set` flag). The rule is by path, never by value: whatever a flag sets on a path that is,
// contains or lies below `spec.env.secrets[n].value` is treated as secret, valid or not, so no
// message about it (a type error, a JSON syntax error, an unknown field) can quote it.
import type { PathSegment } from './path.js';
import { didYouMean } from '../core/did-you-mean.js';

/** The one place secret values live: `spec.env.secrets[<index>].value`. */
const INDEX = Symbol('index');
const SECRET_VALUE: readonly (string | typeof INDEX)[] = ['spec', 'env', 'secrets', INDEX, 'value'];

function matches(segment: PathSegment, expected: string | typeof INDEX): boolean {
  return expected === INDEX ? typeof segment === 'number' : segment === expected;
}

/**
 * Whether a value set at this (schema-resolved) path may contain a secret value: the path leads to
 * `spec.env.secrets[n].value` (`spec`, `spec.env`, `spec.env.secrets`, `spec.env.secrets[0]`), is
 * that value, or lies below it. `spec.env.secrets[0].name` and `spec.env.variables` do not.
 */
export function mayHoldSecretValue(path: readonly PathSegment[]): boolean {
  const shared = Math.min(path.length, SECRET_VALUE.length);
  for (let i = 0; i < shared; i++) {
    if (!matches(path[i] as PathSegment, SECRET_VALUE[i] as string | typeof INDEX)) return false;
  }
  return true;
}

/**
 * For a path the schema does not know (`resolved` are the segments it knows, `unknown` the first
 * one it does not): whether the user may have meant a path that holds secrets. True when the known
 * part leads to secrets and the unknown segment is, as far as a did-you-mean can tell, the next
 * step towards them (`spec.env.secerts`, `sepc`), or is anything at all inside `spec.env.secrets`.
 */
export function mayMeanSecretValue(resolved: readonly PathSegment[], unknown: PathSegment, known: readonly string[]): boolean {
  if (!mayHoldSecretValue(resolved)) return false;
  if (resolved.length >= 3) return true; // inside spec.env.secrets: every field but `name` is the value
  const next = SECRET_VALUE[resolved.length] as string;
  if (typeof unknown === 'number') return true;
  const meant = didYouMean(unknown, known);
  return meant === undefined || meant === next;
}
