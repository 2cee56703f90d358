// One property value on one line, for diffs. Secrets arrive from the engine as `[secret]` and stay
// that way; values the engine only knows after the update are said so.
import { UNKNOWN_VALUE } from '../engine/property-changes.js';
import { SECRET_MASK } from '../core/secrets.js';

const MAX_LENGTH = 120;

export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (value === UNKNOWN_VALUE) return '(known after apply)';
  if (value === SECRET_MASK) return SECRET_MASK;
  const text = JSON.stringify(value, (_key, v: unknown) => (v === UNKNOWN_VALUE ? '(known after apply)' : v)) ?? String(value);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
