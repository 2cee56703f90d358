// `openmcf status` from data: what the API said of a stack's objects becomes a verdict, an exit
// code, the human block and the JSON document; a stack that does not exist is "nothing deployed".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExitCode, OpenmcfError } from '../../src/core/errors.js';
import { notDeployed, statusReport } from '../../src/commands/status.js';
import { isHealthy, printStatus, statusDocument, statusExitCode, type LiveStack } from '../../src/render/status-report.js';
import { captureIo } from './capture-io.js';
import { preparedStack } from './prepared-fixture.js';

const READY: LiveStack = {
  namespace: { id: 'fr-par/aaaa', name: 'my-api', status: 'ready', updatedAt: '2026-12-07T02:55:01Z' },
  container: {
    id: 'fr-par/bbbb',
    name: 'my-api',
    status: 'ready',
    image: 'rg.fr-par.scw.cloud/team/my-api:v1',
    minScale: 0,
    maxScale: 5,
    url: 'https://my-api-x.functions.fnc.fr-par.scw.cloud',
  },
  triggers: [{ id: 'fr-par/cccc', name: 'nightly', status: 'ready', schedule: '0 3 * * *' }],
  probe: { url: 'https://my-api-x.functions.fnc.fr-par.scw.cloud', httpStatus: 200, durationMs: 12, answering: true },
  problems: [],
};

const BROKEN: LiveStack = {
  container: { id: 'fr-par/dddd', name: 'worker', status: 'error', errorMessage: 'image not found' },
  triggers: [],
  problems: ['container worker is in error: image not found'],
};

test('a stack whose manifest names it but that does not exist is unhealthy: nothing deployed, with the apply that deploys it', () => {
  const prepared = preparedStack('my-api');
  const report = statusReport(prepared, { live: notDeployed(prepared) });
  assert.equal(isHealthy(report), false);
  assert.equal(statusExitCode(report), ExitCode.failed);
  assert.deepEqual(report.live?.problems, [
    'nothing is deployed: stack my-org/my-project/dev.ScalewayServerlessContainer.my-api does not exist (run `openmcf apply -f my-api.yaml --sandbox`)',
  ]);
  assert.deepEqual(report.manifest, { file: 'my-api.yaml', document: 0, name: 'my-api' });
  assert.equal(report.engineStack, 'organization/my-project/dev.ScalewayServerlessContainer.my-api');
});

test('healthy when read and without problems; a stack that could not be read exits with its own error code', () => {
  const healthy = statusReport(preparedStack('my-api'), { live: READY });
  assert.equal(isHealthy(healthy), true);
  assert.equal(statusExitCode(healthy), ExitCode.ok);
  const locked = statusReport(preparedStack('my-api'), { error: new OpenmcfError('stack is locked', { exitCode: ExitCode.stackLocked, code: 'stack-locked' }) });
  assert.equal(isHealthy(locked), false);
  assert.equal(statusExitCode(locked), ExitCode.stackLocked);
  assert.equal(statusExitCode(statusReport(preparedStack('worker'), { live: BROKEN })), ExitCode.failed);
});

test('the human block: each object with its status and details, the probe, the problems; the total on stderr for several', () => {
  const io = captureIo();
  printStatus(io, [statusReport(preparedStack('my-api'), { live: READY }), statusReport(preparedStack('worker'), { live: BROKEN })]);
  assert.equal(
    io.stdout(),
    [
      'my-api (stack my-org/my-project/dev.ScalewayServerlessContainer.my-api): healthy',
      '  namespace  my-api  ready  updated 2026-12-07T02:55:01Z',
      '  container  my-api  ready  image rg.fr-par.scw.cloud/team/my-api:v1  scale 0-5',
      '             https://my-api-x.functions.fnc.fr-par.scw.cloud',
      '  cron       nightly  ready  0 3 * * *',
      '  probe      GET https://my-api-x.functions.fnc.fr-par.scw.cloud -> HTTP 200 in 12 ms',
      'worker (stack my-org/my-project/dev.ScalewayServerlessContainer.worker): unhealthy',
      '  container  worker  error  (image not found)',
      '  x container worker is in error: image not found',
      '',
    ].join('\n'),
  );
  assert.equal(io.stderr(), 'Total: 2 stacks, 1 healthy, 1 not\n');
});

test('a stack that could not be read: verdict unknown on stdout, its error and hint on stderr', () => {
  const io = captureIo();
  printStatus(io, [
    statusReport(preparedStack('my-api'), { error: new OpenmcfError('the API refused the key', { exitCode: ExitCode.failed, code: 'api-auth', hint: 'check SCW_SECRET_KEY' }) }),
  ]);
  assert.equal(io.stdout(), 'my-api (stack my-org/my-project/dev.ScalewayServerlessContainer.my-api): unknown\n');
  assert.equal(io.stderr(), 'x my-api\n    error: the API refused the key\n    check SCW_SECRET_KEY\n');
});

test('the JSON document: manifest, stacks, backend, verdict, the live objects and problems, an error when unread', () => {
  const document = statusDocument(
    [statusReport(preparedStack('my-api'), { live: READY }), statusReport(preparedStack('worker'), { error: new OpenmcfError('gone', { exitCode: ExitCode.failed, code: 'x' }) })],
    ExitCode.failed,
    true,
  ) as { apiVersion: string; exitCode: number; sandbox: boolean; results: Array<Record<string, unknown>> };
  assert.equal(document.apiVersion, 'openmcf.org/status/v1');
  assert.equal(document.exitCode, 1);
  assert.equal(document.sandbox, true);
  assert.deepEqual(document.results[0], {
    manifest: { file: 'my-api.yaml', document: 0, name: 'my-api' },
    stack: 'my-org/my-project/dev.ScalewayServerlessContainer.my-api',
    engineStack: 'organization/my-project/dev.ScalewayServerlessContainer.my-api',
    backend: 'file:///home/me/.openmcf/sandbox/state',
    healthy: true,
    namespace: READY.namespace,
    container: READY.container,
    triggers: READY.triggers,
    probe: READY.probe,
    problems: [],
  });
  assert.deepEqual(document.results[1]!.error, { code: 'x', message: 'gone', exitCode: 1 });
  assert.deepEqual(document.results[1]!.triggers, []);
  assert.equal(document.results[1]!.healthy, false);
});
