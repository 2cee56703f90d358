// Stack outputs for humans: one `name: value` line each, secrets masked unless asked for.
import { UNKNOWN_VALUE } from '../engine/property-changes.js';
import { SECRET_MASK } from '../core/secrets.js';
export interface StackOutputValue {
  readonly value: unknown;
  readonly secret: boolean;
}

export type StackOutputMap = Readonly<Record<string, StackOutputValue>>;

/** The outputs as plain values, each secret replaced by `[secret]` unless `showSecrets`. */
export function outputValues(outputs: StackOutputMap, showSecrets: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(outputs).sort()) {
    const output = outputs[name]!;
    values[name] = output.secret && !showSecrets ? SECRET_MASK : output.value;
  }
  return values;
}

/** The order a reader scans them in: what was deployed, then where it answers, then its health. */
const HUMAN_ORDER = ['containerId', 'namespaceId', 'domainName', 'url', 'status', 'errorMessage'];

function humanRank(name: string): number {
  const rank = HUMAN_ORDER.indexOf(name);
  return rank === -1 ? HUMAN_ORDER.length : rank;
}

/** Lines for humans: known outputs in reading order, then the rest by name; an empty string
 * (e.g. `errorMessage` of a healthy container) says nothing and is left out. JSON keeps them all. */
export function renderOutputs(outputs: StackOutputMap, showSecrets: boolean, indent = '  '): string[] {
  const values = outputValues(outputs, showSecrets);
  const names = Object.keys(values)
    .filter((name) => values[name] !== '')
    .sort((a, b) => humanRank(a) - humanRank(b) || a.localeCompare(b));
  if (names.length === 0) return [`${indent}(no outputs)`];
  const width = Math.max(...names.map((n) => n.length));
  return names.map((name) => {
    const value = values[name];
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `${indent}${`${name}:`.padEnd(width + 1)} ${text}`;
  });
}

/** Outputs that changed or will change, called out: a new URL after a replacement is news. */
export function renderOutputChanges(
  chalk: { bold: { yellow: (t: string) => string }; dim: (t: string) => string },
  changes: ReadonlyArray<{ readonly name: string; readonly old?: unknown; readonly new?: unknown }>,
  tense: 'planned' | 'done',
  indent = '  ',
): string[] {
  if (changes.length === 0) return [];
  const title = tense === 'planned' ? 'outputs that will change:' : 'outputs that changed:';
  const show = (value: unknown): string => (value === UNKNOWN_VALUE ? '(known after apply)' : typeof value === 'string' && value !== '' ? value : JSON.stringify(value));
  return [
    `${indent}${chalk.bold.yellow(title)}`,
    ...changes.map((c) => `${indent}  ${c.name}: ${'old' in c ? show(c.old) : '(none)'} -> ${'new' in c ? show(c.new) : '(removed)'}`),
  ];
}
