// Status transitions. An object that starts changing (created, updated, deleted) is `creating`,
// `updating` or `deleting` in the answer to that call and until its transition ends; the next
// call after that sees the end state (`ready`, `error` with its message, or a 404). How long a
// transition lasts is a setting of the server (default 0: over by the next call, so the
// provider's 5-second polling never waits; the real platform takes seconds to minutes).
import type { Cloud } from './store.js';
import type { Simulation, Status } from './wire.js';

interface Transitioning extends Simulation {
  status: Status;
  error_message?: string;
  updated_at: string;
}

export function begin(object: Transitioning, status: Status, now: number, durationMs: number, end: NonNullable<Simulation['_settles_to']>, message?: string): void {
  object.status = status;
  delete object.error_message;
  object._settles_at = now + durationMs;
  object._settles_to = end;
  if (message !== undefined) object._settles_message = message;
  else delete object._settles_message;
}

/** Ends every transition due by `now`: ready or error in place, gone objects removed. */
export function settle(cloud: Cloud, now: number): void {
  // Recorded: a ready namespace has no error_message and keeps its updated_at; containers and
  // triggers gain `"error_message":""` and a new updated_at when they become ready.
  const tables: [Record<string, Transitioning>, boolean][] = [
    [cloud.namespaces, false],
    [cloud.containers, true],
    [cloud.triggers, true],
  ];
  for (const [table, reportsEnd] of tables) {
    for (const [id, object] of Object.entries(table)) {
      if (object._settles_at === undefined || object._settles_at > now) continue;
      const end = object._settles_to;
      if (end === 'gone') {
        delete table[id];
        continue;
      }
      object.status = end === 'error' ? 'error' : 'ready';
      if (end === 'error') object.error_message = object._settles_message ?? '';
      else if (reportsEnd) object.error_message = '';
      if (reportsEnd) object.updated_at = new Date(now).toISOString();
      delete object._settles_at;
      delete object._settles_to;
      delete object._settles_message;
    }
  }
}

export const TRANSIENT: ReadonlySet<Status> = new Set(['creating', 'updating', 'deleting', 'locking', 'upgrading', 'pending']);
