// Turns text from outside the YAML (a `--set` value, a substituted variable) into the type the
// schema expects at that field, so `--set spec.minScale=1` sets the number 1, not the string "1".
import type { ValueKind } from './schema-lookup.js';

export type TypedValue = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly expected: string };

const INTEGER = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function typeValue(kind: ValueKind, text: string): TypedValue {
  switch (kind) {
    case 'integer': {
      const value = Number(text);
      return INTEGER.test(text) && Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, expected: 'an integer' };
    }
    case 'number':
      return NUMBER.test(text) ? { ok: true, value: Number(text) } : { ok: false, expected: 'a number' };
    case 'boolean':
      if (text === 'true') return { ok: true, value: true };
      if (text === 'false') return { ok: true, value: false };
      return { ok: false, expected: 'true or false' };
    case 'array':
      return parseJson(text, Array.isArray, 'a list in JSON, e.g. ["node","server.js"]');
    case 'object':
      return parseJson(text, isPlainObject, 'an object in JSON, e.g. {"path":"/health"}');
    case 'stringValueOrRef':
      // A bare string is the literal `value`; JSON gives access to `valueFrom`.
      if (text.trimStart().startsWith('{')) return parseJson(text, isPlainObject, 'a string or {"valueFrom": {...}} in JSON');
      return { ok: true, value: { value: text } };
    case 'string':
    case 'any':
      return { ok: true, value: text };
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string, accept: (value: unknown) => boolean, expected: string): TypedValue {
  try {
    const value: unknown = JSON.parse(text);
    return accept(value) ? { ok: true, value } : { ok: false, expected };
  } catch {
    return { ok: false, expected };
  }
}
