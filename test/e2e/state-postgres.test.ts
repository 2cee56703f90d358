// The PostgreSQL state backend (postgres://), against a real PostgreSQL server this file starts on
// loopback (test/helpers/postgres-server.ts) and stops at the end. See state-backend-suite.ts.
// Pulumi keeps its objects in the table `pulumi_state` (key, data, updated_at).
import { startPostgres } from '../helpers/postgres-server.js';
import { stateBackendSuite } from './state-backend-suite.js';

stateBackendSuite('postgres', async () => {
  const pg = await startPostgres();
  return {
    url: pg.url,
    env: {},
    secrets: [pg.password],
    dump: () =>
      pg
        .query('SELECT key, data::text FROM pulumi_state ORDER BY key')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const tab = line.indexOf('\t');
          // Pulumi keeps each object as JSON {"data": "<base64 of the bytes>"}: read the bytes.
          const row = JSON.parse(line.slice(tab + 1)) as { data: string };
          return { key: line.slice(0, tab), text: Buffer.from(row.data, 'base64').toString('latin1') };
        }),
    stop: () => pg.stop(),
  };
});
