// `openmcf stacks` from data: the backend's listing becomes rows (with the manifest that names each
// stack, or an orphan mark), printed as the table, the JSON document and the orphan note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExitCode, OpenmcfError } from '../../src/core/errors.js';
import { stackRows } from '../../src/commands/stacks.js';
import type { ListedStack } from '../../src/commands/stacks/read-backend-stacks.js';
import { failedStacksDocument, printOrphanNote, printStacksTable, stacksDocument } from '../../src/render/stacks-table.js';
import { captureIo } from './capture-io.js';
import { loadedManifest, stackTarget } from './prepared-fixture.js';

const BACKEND = 'file:///home/me/.openmcf/sandbox/state';

const listed: ListedStack[] = [
  {
    name: 'organization/my-project/dev.ScalewayServerlessContainer.my-api',
    project: 'my-project',
    stack: 'dev.ScalewayServerlessContainer.my-api',
    resourceCount: 4,
    lastUpdate: '2026-12-07T02:55:01.000Z',
    updateInProgress: false,
    last: { kind: 'update', result: 'succeeded', endTime: '2026-12-07T02:55:01.000Z' },
  },
  {
    name: 'organization/my-project/dev.ScalewayServerlessContainer.old-api',
    project: 'my-project',
    stack: 'dev.ScalewayServerlessContainer.old-api',
    resourceCount: 12,
    updateInProgress: false,
  },
  {
    name: 'organization/my-project/prod.ScalewayServerlessContainer.my-api',
    project: 'my-project',
    stack: 'prod.ScalewayServerlessContainer.my-api',
    updateInProgress: true,
    lastUpdate: '2026-12-06T10:00:00.000Z',
  },
];

const given = { manifests: [loadedManifest('my-api', 'apps/all.yaml', 1)], targets: [stackTarget('my-api')] };

test('without manifests the rows are the listing alone: no manifest, no orphan mark', () => {
  const rows = stackRows(listed);
  assert.deepEqual(
    rows.map((r) => Object.keys(r)),
    [['stack'], ['stack'], ['stack']],
  );
  assert.equal(rows[0]!.stack, listed[0]);
});

test('with manifests each stack names its manifest, or is an orphan of their project and environment', () => {
  const rows = stackRows(listed, given);
  assert.deepEqual(rows[0]!.manifest, { file: 'apps/all.yaml', document: 1, name: 'my-api' });
  assert.equal(rows[0]!.orphan, false);
  assert.equal(rows[1]!.manifest, undefined);
  assert.equal(rows[1]!.orphan, true, 'dev stack of the same project that no manifest names');
  assert.equal(rows[2]!.orphan, false, 'another environment (prod) is never an orphan of dev manifests');
});

test('the table: aligned columns, counts right-aligned, UTC times, how the last update ended, the manifest or ORPHAN', () => {
  const io = captureIo();
  printStacksTable(io, { backend: BACKEND, sandbox: true, withManifests: true, rows: stackRows(listed, given) });
  assert.equal(
    io.stdout(),
    [
      'STACK                                                            RESOURCES  LAST UPDATE              RESULT              MANIFEST',
      'organization/my-project/dev.ScalewayServerlessContainer.my-api           4  2026-12-07 02:55:01 UTC  succeeded (update)  apps/all.yaml#1',
      'organization/my-project/dev.ScalewayServerlessContainer.old-api         12  -                        never updated       ORPHAN',
      'organization/my-project/prod.ScalewayServerlessContainer.my-api          -  2026-12-06 10:00:00 UTC  in progress         -',
      '',
    ].join('\n'),
  );
  assert.equal(io.stderr(), `3 stacks on ${BACKEND}\n`);
});

test('an empty backend: nothing on stdout, the backend named on stderr', () => {
  const io = captureIo();
  printStacksTable(io, { backend: BACKEND, sandbox: false, withManifests: false, rows: [] });
  assert.equal(io.stdout(), '');
  assert.equal(io.stderr(), `no stacks on ${BACKEND}\n`);
});

test('the JSON document: every field of a stack, the manifest and orphan mark with -f, and the orphans list', () => {
  const document = stacksDocument({ backend: BACKEND, sandbox: true, withManifests: true, rows: stackRows(listed, given) }) as Record<string, unknown>;
  assert.equal(document.apiVersion, 'openmcf.org/stacks/v1');
  assert.equal(document.exitCode, 0);
  assert.equal(document.backend, BACKEND);
  assert.deepEqual(document.orphans, ['organization/my-project/dev.ScalewayServerlessContainer.old-api']);
  const stacks = document.stacks as Array<Record<string, unknown>>;
  assert.deepEqual(stacks[0], {
    stack: 'organization/my-project/dev.ScalewayServerlessContainer.my-api',
    project: 'my-project',
    name: 'dev.ScalewayServerlessContainer.my-api',
    resourceCount: 4,
    lastUpdate: '2026-12-07T02:55:01.000Z',
    lastOperation: 'update',
    result: 'succeeded',
    updateInProgress: false,
    manifest: { file: 'apps/all.yaml', document: 1, name: 'my-api' },
    orphan: false,
  });
  assert.deepEqual(Object.keys(stacks[2]!), ['stack', 'project', 'name', 'lastUpdate', 'updateInProgress', 'orphan']);
  const plain = stacksDocument({ backend: BACKEND, sandbox: false, withManifests: false, rows: stackRows(listed) }) as Record<string, unknown>;
  assert.equal('orphans' in plain, false);
});

test('a failure before the listing is a document with no stacks and the error', () => {
  const error = new OpenmcfError('the backend does not answer', { exitCode: ExitCode.failed, code: 'backend-unreachable', hint: 'check the network' });
  assert.deepEqual(failedStacksDocument(error, true), {
    apiVersion: 'openmcf.org/stacks/v1',
    exitCode: 1,
    sandbox: true,
    stacks: [],
    error: { code: 'backend-unreachable', message: 'the backend does not answer', hint: 'check the network', exitCode: 1 },
  });
});

test('the orphan note says how many and gives the commands that remove one or all', () => {
  const io = captureIo();
  printOrphanNote(
    io,
    ['organization/my-project/dev.ScalewayServerlessContainer.old-api'],
    '--stack organization/my-project/dev.ScalewayServerlessContainer.old-api --sandbox',
    '-f apps/ --sandbox',
  );
  assert.equal(
    io.stderr(),
    '1 orphaned stack: in the projects and environments of these manifests, but no manifest names it; what it deployed is still running.\n' +
      '  Destroy one with `openmcf destroy --stack organization/my-project/dev.ScalewayServerlessContainer.old-api --sandbox --yes`, or all of them with `openmcf apply -f apps/ --sandbox --prune`.\n',
  );
});
