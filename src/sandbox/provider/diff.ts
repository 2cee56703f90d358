// The diff the bridged Terraform provider computes, reduced to what matters here: the engine sends
// the old *outputs* and the new checked inputs. An input left out keeps its value when the
// Terraform schema marks it Computed (the API filled it), and means "clear it" otherwise.
import type { DiffResult } from '@pulumi/pulumi/provider/index.js';
import { containsUnknown, deepEqual, reveal, type Props } from './wire.js';

export interface DiffSpec {
  /** Every input property of the resource. */
  readonly inputs: readonly string[];
  /** Inputs the API fills when left out (Terraform Optional+Computed). */
  readonly computed: readonly string[];
  /** Inputs whose change replaces the resource (Terraform ForceNew). */
  readonly replaces: readonly string[];
}

export function changedInputs(spec: DiffSpec, olds: Props, news: Props): string[] {
  return spec.inputs.filter((key) => {
    const next = news[key];
    if (next === undefined) return !spec.computed.includes(key) && !isEmpty(reveal(olds[key]));
    if (containsUnknown(next)) return true;
    const before = reveal(olds[key]);
    const after = reveal(next);
    return !(deepEqual(before, after) || (isEmpty(before) && isEmpty(after)));
  });
}

export function diffInputs(spec: DiffSpec, olds: Props, news: Props): DiffResult {
  const changed = changedInputs(spec, olds, news);
  const replaces = changed.filter((key) => spec.replaces.includes(key));
  return { changes: changed.length > 0, ...(replaces.length > 0 ? { replaces } : {}) };
}

export type PropertyChange = 'add' | 'delete' | 'update';

/** Per changed input: added, removed or changed (what the engine shows and replaceOnChanges needs). */
export function detailedDiff(spec: DiffSpec, olds: Props, news: Props): Record<string, PropertyChange> {
  return Object.fromEntries(
    changedInputs(spec, olds, news).map((key) => {
      const kind: PropertyChange = news[key] === undefined ? 'delete' : isEmpty(reveal(olds[key])) ? 'add' : 'update';
      return [key, kind];
    }),
  );
}

/** Unset, empty text, empty list or map, false: what an absent optional field reads back as. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
