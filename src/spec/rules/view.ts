// Rules run on the document's plain data even when the schema found problems elsewhere, so that
// every problem is reported at once. These helpers read that data without trusting its shape.
import type { Finding } from '../finding.js';

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
