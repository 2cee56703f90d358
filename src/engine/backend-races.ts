// Races between engine processes that open one backend at the same time, which the engine does not
// handle itself. On a fresh PostgreSQL database every engine that starts finds no `pulumi_state`
// table and creates it (pkg/backend/diy/postgres: `to_regclass` then CREATE TABLE IF NOT EXISTS);
// two doing so at the same moment collide in PostgreSQL's catalog ("duplicate key value violates
// unique constraint pg_type_typname_nsp_index", or, a moment later, 'type "pulumi_state" already
// exists' (42710)) and one fails before it has touched anything. The table exists once the other
// has finished, so trying again is safe and succeeds.

const TABLE_CREATION_RACE = /failed to create table \S+: .*(duplicate key|already exists)/i;

export function isTableCreationRace(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message}\n${String((error as { stderr?: unknown }).stderr ?? '')}` : String(error);
  return TABLE_CREATION_RACE.test(text);
}

/** Runs `call`, trying again (up to `tries` times in all, after a short random pause) when it lost the table creation race. */
export async function retryBackendRace<T>(call: () => Promise<T>, tries = 4, sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= tries || !isTableCreationRace(error)) throw error;
      await sleep(200 + Math.floor(Math.random() * 400));
    }
  }
}
