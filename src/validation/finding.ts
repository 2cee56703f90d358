// A problem found on the plain data of a document, before it is given a source position, and the
// helpers that rules use to read that data. Rules run even when the schema found problems elsewhere
// (so that every problem is reported at once), so they never trust the data's shape.
import type { Severity } from '../core/diagnostic.js';
import type { Anchor } from '../manifest/locate.js';
import type { ManifestPath } from '../manifest/path.js';

export interface Finding {
  readonly severity: Severity;
  readonly code: string;
  /** Where the problem is; also what the message is about (`spec.port: ...`). */
  readonly path: ManifestPath;
  /** Point at the key (unknown field, whole entry) or at the value (default). */
  readonly anchor?: Anchor;
  /** Point here instead of at `path` (a missing field points at its parent). */
  readonly at?: ManifestPath;
  readonly message: string;
  readonly hint?: string;
}

/** Describes a value's kind for messages: "a number", "a list", ... Never the value itself. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the fractional number ${value}`;
  return 'a string';
}

export function valueAt(data: unknown, path: ManifestPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Code-formatted for messages: `value`. */
export function code(text: string | number): string {
  return `\`${text}\``;
}

/** A rule reads the whole document and returns what it found; it never throws on odd shapes. */
export type Rule = (data: unknown) => Finding[];

export function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function specOf(data: unknown): Readonly<Record<string, unknown>> {
  return record(record(data)?.spec) ?? {};
}

export function labelsOf(data: unknown): Readonly<Record<string, unknown>> | undefined {
  return record(record(record(data)?.metadata)?.labels);
}
