// One recording replayed, call by call in order, against a fresh local API, and its answers
// compared with the recorded ones (compare.ts): status codes, every field with its type and
// value, and each object's status sequence, repeated identical reads collapsed.
//
// Two modes, as the local API has them:
//   - realistic: transitions last until the recording shows them over. The test keeps the API's
//     clock: a call whose recorded answer shows an object's transition ended (`ready`, `error`,
//     a 404 after `deleting`) is sent once the clock reached the end of that transition; every
//     other call a millisecond after the one before. Each answer's status must then be the
//     recorded one, read for read.
//   - instant (what sandbox runs use): a transition is over by the next call, one or more of the
//     provider's polls sooner than on the platform; sequences must be equal once collapsed, and a
//     read that recorded `deleting` may get the 404 the recording got a poll later.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalApi, type LocalApi } from '../../../src/sandbox/server.js';
import { readCloud } from '../../../src/sandbox/store.js';
import type { Interaction } from './cassettes.js';
import { collapse, compareAnswer, IdMap } from './compare.js';
import type { FaultPhase } from './scenarios.js';

export type Mode = 'instant' | 'realistic';

export interface Replayed {
  readonly calls: number;
  readonly differences: string[];
}

const TOKEN = { 'X-Auth-Token': '00000000-0000-4000-8000-000000000000', 'Content-Type': 'application/json' };
const TRANSIENT = new Set(['creating', 'updating', 'deleting', 'pending', 'locking', 'upgrading']);
const TRANSITION_MS = 60_000;
const KIND = /\/regions\/[^/]+\/(namespaces|containers|triggers|domains)/;
const ID_IN_PATH = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$|\?)/;

interface Track {
  readonly kind: string;
  readonly recorded: string[];
  readonly local: string[];
}

type Json = Record<string, unknown>;

/** The objects a recorded answer shows, with their status (a 404 of an object: `gone`). */
function shown(call: Interaction): Array<{ id: string; status: string }> {
  const answer = call.response as Json | undefined;
  if (call.code === 404) {
    const id = ID_IN_PATH.exec(call.path)?.[1];
    return id && call.method !== 'POST' ? [{ id, status: 'gone' }] : [];
  }
  if (!answer || call.code !== 200) return [];
  if (typeof answer.id === 'string' && typeof answer.status === 'string') return [{ id: answer.id, status: answer.status }];
  return Object.values(answer)
    .filter(Array.isArray)
    .flat()
    .filter((item): item is { id: string; status: string } => typeof (item as Json)?.id === 'string' && typeof (item as Json)?.status === 'string');
}

export async function replay(name: string, interactions: readonly Interaction[], mode: Mode, phases: readonly FaultPhase[] = []): Promise<Replayed> {
  const store = mkdtempSync(join(tmpdir(), 'openmcf-replay-'));
  let now = Date.parse('2026-05-05T12:00:00Z');
  const start = (faults: string | undefined): Promise<LocalApi> =>
    startLocalApi({ storeDir: store, clock: () => now, transitionMs: mode === 'realistic' ? TRANSITION_MS : 0, ...(faults !== undefined ? { faults } : {}) });
  let api = await start(phases.find((p) => p.from === undefined)?.rules);
  const ids = new IdMap();
  const differences: string[] = [];
  const statuses = new Map<string, Track>();
  const lastRecorded = new Map<string, string>();
  try {
    for (const [index, call] of interactions.entries()) {
      const where = `${name} #${index} ${call.method} ${call.path}`;
      const phase = phases.find((p) => p.from?.(call));
      if (phase) {
        await api.close();
        api = await start(phase.rules);
      }
      // Each call a millisecond after the last, so that transitions begun by different calls end
      // at different instants; then the clock moves on to the end of every transition this
      // recorded answer shows over, and no further: others still under way stay so.
      now += 1;
      const objects = shown(call);
      for (const o of objects) {
        if (mode !== 'realistic' || !TRANSIENT.has(lastRecorded.get(o.id) ?? '') || TRANSIENT.has(o.status)) continue;
        now = Math.max(now, settlesAt(store, ids.translate(o.id)) ?? now);
      }
      for (const o of objects) lastRecorded.set(o.id, o.status);

      const answer = await fetch(`${api.url}${ids.translate(call.path)}`, {
        method: call.method,
        headers: TOKEN,
        ...(call.method === 'GET' || call.method === 'DELETE' ? {} : { body: JSON.stringify(ids.translate(call.body)) }),
      });
      const local = (await answer.json()) as Json;
      const recorded = call.response as Json | undefined;
      if (call.method === 'POST' && call.code === 200 && answer.status === 200 && recorded && typeof recorded.id === 'string') ids.add(recorded.id, String(local.id));

      const kind = KIND.exec(call.path)![1]!;
      const single = recorded && typeof recorded.id === 'string' && typeof recorded.status === 'string';
      const deletedSooner = mode === 'instant' && call.code === 200 && recorded?.status === 'deleting' && answer.status === 404;
      if (answer.status !== call.code && !deletedSooner) {
        differences.push(`${where}: status ${answer.status}, recorded ${call.code} (${JSON.stringify(local).slice(0, 200)})`);
        continue;
      }
      if (single && mode === 'realistic' && local.status !== recorded.status) {
        // Realistic transitions follow the recording read for read: each answer's status counts.
        differences.push(`${where}: status ${JSON.stringify(local.status)}, recorded ${JSON.stringify(recorded.status)}`);
      }
      if (single) {
        const track = statuses.get(recorded.id as string) ?? { kind, recorded: [], local: [] };
        track.recorded.push(String(recorded.status));
        track.local.push(deletedSooner ? 'gone' : String(local.status));
        if (deletedSooner) track.recorded.push('gone');
        statuses.set(recorded.id as string, track);
      } else if (call.code === 404 && call.method !== 'POST') {
        const track = statuses.get(ID_IN_PATH.exec(call.path)?.[1] ?? '');
        track?.recorded.push('gone');
        track?.local.push('gone');
      }
      if (deletedSooner) continue;
      const out: string[] = [];
      compareAnswer(ids.translate(onlyOurs(recorded, ids, kind)), local, 'answer', out);
      differences.push(...out.map((d) => `${where}: ${d}`));
    }
    for (const [id, track] of statuses) {
      const recorded = collapse(track.recorded).join(' -> ');
      const local = collapse(track.local).join(' -> ');
      if (recorded !== local) differences.push(`${name}: ${track.kind} ${id}: status sequence recorded ${recorded}, local ${local}`);
    }
    return { calls: interactions.length, differences };
  } finally {
    await api.close();
    rmSync(store, { recursive: true, force: true });
  }
}

/** When the transition of the local object `id` ends (the store's own `_settles_at`). */
function settlesAt(store: string, id: string): number | undefined {
  const cloud = readCloud(store);
  return (cloud.namespaces[id] ?? cloud.containers[id] ?? cloud.triggers[id])?._settles_at;
}

/**
 * The recording's account held objects of other tests running at the same time: a list is
 * compared on the objects this recording made. (The namespace lists of data-source-namespace-basic
 * show eight namespaces for `name=test-cr-data`: the platform then ignored that filter, which the
 * provider makes up for by keeping the exact name. The local API filters as the API documents, on
 * purpose: a client that relies on the filter stays right on the platform, and one that also
 * checks the name, as the provider does, is right on both.)
 */
function onlyOurs(recorded: Json | undefined, ids: IdMap, kind: string): Json | undefined {
  if (!recorded || !Array.isArray(recorded[kind])) return recorded;
  const items = (recorded[kind] as Array<{ id: string }>).filter((item) => ids.knows(item.id));
  return { ...recorded, [kind]: items, total_count: items.length };
}
