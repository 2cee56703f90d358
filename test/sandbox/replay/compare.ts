// Compares what the local API answers with what the real API answered, call by call, after the
// recorded ids have been mapped to the ones the local API gave out. What may differ, and why:
//   - timing: see replay.ts (realistic mode follows the recording's transitions; instant mode
//     ends them by the next call);
//   - secret hashes: argon2id both, with lighter parameters here (see secret-hashes.ts);
//   - ids and timestamps: other values, same format.
// Deployments that failed on the platform fail here through fault rules (scenarios.ts), so their
// `error` status and `error_message` are compared like any other field.

export interface Difference {
  readonly where: string;
  readonly what: string;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ARGON2ID = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

export class IdMap {
  private readonly ids = new Map<string, string>();

  add(recorded: string, ours: string): void {
    this.ids.set(recorded, ours);
  }

  knows(recorded: string): boolean {
    return this.ids.has(recorded);
  }

  /** Recorded ids replaced by ours wherever they appear (paths, bodies, endpoint prefixes). */
  translate<T>(value: T): T {
    if (typeof value === 'string') {
      let text: string = value;
      for (const [recorded, ours] of this.ids) text = text.split(recorded).join(ours).split(recorded.slice(0, 8)).join(ours.slice(0, 8));
      return text as T;
    }
    if (Array.isArray(value)) return value.map((v) => this.translate(v)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.translate(v)])) as T;
    }
    return value;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Field by field; `path` names the field in messages. */
export function compareAnswer(recorded: unknown, ours: unknown, path: string, out: string[]): void {
  if (typeOf(recorded) !== typeOf(ours)) {
    out.push(`${path}: recorded ${JSON.stringify(recorded)}, local ${JSON.stringify(ours)}`);
    return;
  }
  if (Array.isArray(recorded)) {
    const mine = ours as unknown[];
    if (recorded.length !== mine.length) out.push(`${path}: recorded ${recorded.length} items, local ${mine.length}`);
    recorded.forEach((item, i) => i < mine.length && compareAnswer(item, mine[i], `${path}[${i}]`, out));
    return;
  }
  if (recorded !== null && typeof recorded === 'object') {
    const r = recorded as Record<string, unknown>;
    const o = ours as Record<string, unknown>;
    // A status that differs is reported once, in the object's status sequence (replay.ts).
    const skip = new Set(r.status === o.status ? [] : ['status', 'error_message']);
    const keys = new Set([...Object.keys(r), ...Object.keys(o)].filter((k) => !skip.has(k)));
    for (const key of keys) {
      const where = `${path}.${key}`;
      if (!(key in r)) out.push(`${where}: not in the recorded answer (local ${JSON.stringify(o[key])})`);
      else if (!(key in o)) out.push(`${where}: missing (recorded ${JSON.stringify(r[key])})`);
      else compareField(key, r[key], o[key], where, out);
    }
    return;
  }
  if (recorded !== ours) out.push(`${path}: recorded ${JSON.stringify(recorded)}, local ${JSON.stringify(ours)}`);
}

function compareField(key: string, recorded: unknown, ours: unknown, where: string, out: string[]): void {
  if (key === 'created_at' || key === 'updated_at') {
    if (typeof ours !== 'string' || !TIMESTAMP.test(ours)) out.push(`${where}: not a timestamp: ${JSON.stringify(ours)}`);
    return;
  }
  if (key === 'id' && typeof ours === 'string' && ID.test(ours)) return;
  if (key === 'secret_environment_variables' && recorded !== null && typeof recorded === 'object') {
    const r = recorded as Record<string, string>;
    const o = (ours ?? {}) as Record<string, string>;
    if (Object.keys(r).sort().join() !== Object.keys(o).sort().join()) out.push(`${where}: recorded names ${Object.keys(r).join(',')}, local ${Object.keys(o).join(',')}`);
    for (const name of Object.keys(o)) if (!ARGON2ID.test(o[name]!)) out.push(`${where}.${name}: not an argon2id hash`);
    return;
  }
  compareAnswer(recorded, ours, where, out);
}

/** `creating, creating, ready` -> `creating, ready`. */
export function collapse(statuses: readonly string[]): string[] {
  return statuses.filter((s, i) => i === 0 || s !== statuses[i - 1]);
}
