// Stack outputs read straight from a local folder backend's checkpoint
// (`.pulumi/stacks/<project>/<stack>.json`, or `.json.gz`), without starting the engine: what
// `openmcf outputs` needs is in the stack resource's outputs there. Secret outputs are encrypted
// in that file; only the engine can decrypt them, so they come back masked and marked.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { checkpointBase } from './stack-existence.js';
import type { StackTarget } from '../stack/target-types.js';
import { maskSecrets } from './property-changes.js';

export interface StateOutput {
  /** The value; a secret (or a value holding one) has `[secret]` where the secret is. */
  readonly value: unknown;
  /** The value holds a secret the engine would have to decrypt. */
  readonly secret: boolean;
}

export type StateOutputs =
  /** `time`: when a run last wrote the state (the checkpoint's manifest time), ISO 8601. */
  | { readonly kind: 'found'; readonly outputs: Readonly<Record<string, StateOutput>>; readonly time?: string }
  | { readonly kind: 'no-stack' }
  /** The file is there but not in a shape read here (a newer checkpoint version, damage): ask the engine. */
  | { readonly kind: 'unreadable' };

interface Checkpoint {
  readonly version?: number;
  readonly checkpoint?: {
    readonly latest?: {
      readonly manifest?: { readonly time?: string };
      readonly resources?: ReadonlyArray<{ readonly type?: string; readonly outputs?: Record<string, unknown> }>;
    };
  };
}

/** undefined when the backend is not a local folder (only the engine can read it). */
export function readOutputsFromState(target: Pick<StackTarget, 'backendUrl' | 'backendKind' | 'projectName' | 'stackName'>): StateOutputs | undefined {
  const base = checkpointBase(target);
  if (base === undefined) return undefined;
  let text: string;
  try {
    if (existsSync(`${base}.json`)) text = readFileSync(`${base}.json`, 'utf8');
    else if (existsSync(`${base}.json.gz`)) text = gunzipSync(readFileSync(`${base}.json.gz`)).toString('utf8');
    else return { kind: 'no-stack' };
  } catch {
    return { kind: 'unreadable' };
  }
  let parsed: Checkpoint;
  try {
    parsed = JSON.parse(text) as Checkpoint;
  } catch {
    return { kind: 'unreadable' };
  }
  if (parsed.version !== 3) return { kind: 'unreadable' };
  const resources = parsed.checkpoint?.latest?.resources ?? [];
  const stack = resources.find((r) => r.type === 'pulumi:pulumi:Stack');
  const outputs: Record<string, StateOutput> = {};
  for (const [name, raw] of Object.entries(stack?.outputs ?? {})) {
    const value = maskSecrets(raw);
    outputs[name] = { value, secret: JSON.stringify(value).includes('"[secret]"') };
  }
  const time = Date.parse(parsed.checkpoint?.latest?.manifest?.time ?? '');
  return { kind: 'found', outputs, ...(Number.isNaN(time) ? {} : { time: new Date(time).toISOString() }) };
}
