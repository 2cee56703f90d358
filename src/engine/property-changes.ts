// Property-level diffs from an engine step. Providers that report a detailed diff (the real
// Scaleway provider, through the Terraform bridge) get it shown as they report it; for the others
// (providers written on @pulumi/pulumi/provider cannot return one) the old and new inputs are
// compared structurally, which is what the Pulumi CLI's own display does.
import type { StepEventMetadata } from '@pulumi/pulumi/automation/index.js';
import type { PropertyChange } from './events.js';
import { SECRET_MASK } from '../core/secrets.js';

/** The engine's placeholder for a value only known after the update. */
export const UNKNOWN_VALUE = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** Pulumi's marker of special values in serialized state: `{ [SIG_KEY]: SECRET_SIG, ... }` is a
 * secret, whose plaintext the engine never puts in events. */
const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

/** Secrets as `[secret]`, recursively, whatever shape the engine serialized them in. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record[SIG_KEY] === SECRET_SIG) return SECRET_MASK;
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, maskSecrets(v)]));
  }
  return value;
}

type PathElement = string | number;

/** Parses a Pulumi property path: `a.b`, `a[0].b`, `a["x.y"]`. */
export function parsePropertyPath(path: string): PathElement[] {
  const elements: PathElement[] = [];
  let i = 0;
  let current = '';
  const flush = (): void => {
    if (current !== '') elements.push(current);
    current = '';
  };
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '.') {
      flush();
      i += 1;
    } else if (ch === '[') {
      flush();
      const end = path.indexOf(']', i);
      if (end < 0) {
        current = path.slice(i);
        break;
      }
      const inner = path.slice(i + 1, end);
      if (inner.startsWith('"') && inner.endsWith('"') && inner.length >= 2) elements.push(inner.slice(1, -1));
      else if (/^\d+$/.test(inner)) elements.push(Number(inner));
      else elements.push(inner);
      i = end + 1;
    } else {
      current += ch;
      i += 1;
    }
  }
  flush();
  return elements;
}

/** The value at `path`; `[secret]` when the path runs through a secret (the real provider's
 * detailed diff names entries inside a secret map, e.g. `secretEnvironmentVariables.DB_URL`). */
export function valueAtPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const element of parsePropertyPath(path)) {
    if (value === SECRET_MASK || isSecret(value)) return SECRET_MASK;
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[element];
  }
  return isSecret(value) ? SECRET_MASK : value;
}

function isSecret(value: unknown): boolean {
  return value !== null && typeof value === 'object' && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

/** Pulumi-internal keys (`__defaults`, `__meta`) are bookkeeping, not user properties. */
function isInternalKey(key: string): boolean {
  return key.startsWith('__');
}

/** A value as the program gave it: the bridge's nested `__defaults` lists taken out. */
function withoutInternalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutInternalKeys);
  if (!isPlainObject(value) || isSecret(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !isInternalKey(key))
      .map(([key, item]) => [key, withoutInternalKeys(item)]),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const simple = /^[A-Za-z_$][\w$-]*$/.test(key);
  if (parent === '') return simple ? key : `["${key}"]`;
  return simple ? `${parent}.${key}` : `${parent}["${key}"]`;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Leaf-level differences between two input objects. */
export function diffValues(oldValue: unknown, newValue: unknown, path = ''): Array<{ path: string; kind: PropertyChange['kind']; old?: unknown; new?: unknown }> {
  if (deepEqual(oldValue, newValue)) return [];
  if (isPlainObject(oldValue) && isPlainObject(newValue)) {
    const keys = [...new Set([...Object.keys(oldValue), ...Object.keys(newValue)])].filter((k) => !isInternalKey(k)).sort();
    return keys.flatMap((key) => diffValues(oldValue[key], newValue[key], joinPath(path, key)));
  }
  if (Array.isArray(oldValue) && Array.isArray(newValue) && oldValue.length === newValue.length) {
    return oldValue.flatMap((item, index) => diffValues(item, newValue[index], joinPath(path, index)));
  }
  if (oldValue === undefined || oldValue === null) return [{ path, kind: 'add', new: newValue }];
  if (newValue === undefined || newValue === null) return [{ path, kind: 'delete', old: oldValue }];
  return [{ path, kind: 'update', old: oldValue, new: newValue }];
}

function topLevelKey(path: string): string {
  const first = parsePropertyPath(path)[0];
  return first === undefined ? path : String(first);
}

/** What a step changes, property by property. Creates list their top-level inputs. A refresh
 * compares what the cloud reported (outputs) instead of what the program asked for (inputs). */
export function propertyChanges(metadata: StepEventMetadata, compare: 'inputs' | 'outputs' = 'inputs'): PropertyChange[] {
  return rawPropertyChanges(metadata, compare).map((change) => ({
    ...change,
    ...('old' in change ? { old: maskSecrets(change.old) } : {}),
    ...('new' in change ? { new: maskSecrets(change.new) } : {}),
  }));
}

function rawPropertyChanges(metadata: StepEventMetadata, compare: 'inputs' | 'outputs'): PropertyChange[] {
  const op = metadata.op;
  if (op === 'same' || op === 'read' || op === 'refresh' || op === 'delete-replaced' || op === 'discard-replaced') return [];
  if (op === 'create') {
    const inputs = metadata.new?.inputs ?? {};
    return Object.keys(inputs)
      .filter((key) => !isInternalKey(key))
      .sort()
      .map((key) => ({ path: joinPath('', key), kind: 'add' as const, replaces: false, new: withoutInternalKeys(inputs[key]) }));
  }
  if (op === 'delete' || op === 'discard') return [];
  const detailed = metadata.detailedDiff;
  if (detailed && Object.keys(detailed).length > 0) {
    return Object.entries(detailed)
      .map(([path, diff]) => {
        const kindText = String(diff.diffKind);
        const kind = (kindText.split('-')[0] ?? 'update') as PropertyChange['kind'];
        // As the engine's own display does: old values from the recorded outputs (inputs when the
        // provider diffed inputs), new ones from the program's inputs; a refresh compares what the
        // cloud reported before and now, so both sides are outputs.
        const oldSource = compare === 'outputs' || !diff.inputDiff ? metadata.old?.outputs : metadata.old?.inputs;
        const newSource = compare === 'outputs' ? metadata.new?.outputs : metadata.new?.inputs;
        const change: PropertyChange = {
          path,
          kind,
          replaces: kindText.endsWith('replace'),
          ...(kind !== 'add' ? { old: valueAtPath(oldSource, path) } : {}),
          ...(kind !== 'delete' ? { new: valueAtPath(newSource, path) } : {}),
        };
        return change;
      })
      .sort((a, b) => a.path.localeCompare(b.path));
  }
  const replaceKeys = new Set(metadata.keys ?? []);
  const replacing = op === 'replace' || op === 'create-replacement';
  const oldValues = compare === 'outputs' ? metadata.old?.outputs : metadata.old?.inputs;
  const newValues = compare === 'outputs' ? metadata.new?.outputs : metadata.new?.inputs;
  return diffValues(oldValues ?? {}, newValues ?? {}).map((d) => ({
    ...d,
    replaces: replacing && replaceKeys.has(topLevelKey(d.path)),
  }));
}
