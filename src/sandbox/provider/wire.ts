// How property values arrive from the engine through @pulumi/pulumi/provider: plain JSON, except
// that secrets are wrapped objects (the server tells the engine it accepts secrets) and values
// not known yet during a preview are a sentinel string. Helpers to look through both.

/** The engine's marker for a value not known until apply (see sdk/nodejs/runtime/rpc.ts). */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

export type Props = Record<string, unknown>;

export function isSecret(value: unknown): value is { value: unknown } {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

export function secret(value: unknown): unknown {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/** The value with every secret wrapper removed, at any depth. */
export function reveal(value: unknown): unknown {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  }
  return value;
}

export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (isSecret(value)) return containsUnknown(value.value);
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

/** Drops undefined entries: the server's Struct.fromJavaScript rejects them. */
export function compact(props: Record<string, unknown>): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((item, i) => deepEqual(item, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Props)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Props)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Props)[k], (b as Props)[k]));
}

/**
 * JSON as Go's encoding/json writes a map: keys sorted, no spaces, no HTML escaping. The real
 * provider reads cron args back this way, so state holds this form, not the string sent.
 */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${goJson((value as Props)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The resource's name in the program: the last `::` part of its URN. */
export function urnName(urn: string): string {
  return urn.slice(urn.lastIndexOf('::') + 2);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
