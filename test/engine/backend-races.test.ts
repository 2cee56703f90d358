import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTableCreationRace, retryBackendRace } from '../../src/engine/backend-races.js';

// As the Automation API reports a failed CLI run: its stderr inside the message.
const RACE = new Error(
  'code: 255\n stdout: \n stderr: error: failed to create table pulumi_state: pq: duplicate key value violates unique constraint "pg_type_typname_nsp_index"\n',
);

test('the PostgreSQL table creation race is recognised, other failures are not', () => {
  assert.equal(isTableCreationRace(RACE), true);
  // The other face of the same race, seen in CI runs: the table's row type was made by the other engine.
  assert.equal(
    isTableCreationRace(
      new Error(
        'selecting the stack failed: unable to open state database "postgres://u@h/db": failed to create table pulumi_state: pq: type "pulumi_state" already exists (42710)',
      ),
    ),
    true,
  );
  assert.equal(isTableCreationRace(new Error('failed to create table pulumi_state: permission denied for schema public')), false);
  assert.equal(isTableCreationRace(new Error('the stack is currently locked by 1 lock(s)')), false);
});

test('a call that lost the race is tried again; any other failure is not', async () => {
  let calls = 0;
  const won = await retryBackendRace(
    async () => (++calls < 3 ? Promise.reject(RACE) : 'done'),
    4,
    async () => undefined,
  );
  assert.deepEqual([won, calls], ['done', 3]);
  calls = 0;
  await assert.rejects(
    retryBackendRace(
      async () => {
        calls += 1;
        throw new Error('other');
      },
      4,
      async () => undefined,
    ),
    /other/,
  );
  assert.equal(calls, 1);
  calls = 0;
  await assert.rejects(
    retryBackendRace(
      async () => {
        calls += 1;
        throw RACE;
      },
      3,
      async () => undefined,
    ),
    /duplicate key/,
  );
  assert.equal(calls, 3, 'at most `tries` calls');
});
