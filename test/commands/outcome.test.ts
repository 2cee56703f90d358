import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExitCode, OpenmcfError } from '../../src/core/errors.js';
import { exitCodeOf, failedOutcome, mostSevereExitCode, toStackResult, type StackOutcome } from '../../src/run/outcome.js';
import { cloudOptionsFromFlags, parseParallel } from '../../src/cli/flags/cloud-options.js';
import { buildResultDocument, RESULT_API_VERSION } from '../../src/render/result-document.js';
import type { PreparedStack } from '../../src/run/prepare.js';

const prepared = {
  loaded: { origin: { file: 'my-api.yaml', line: 1, column: 1, documentIndex: 0 }, manifest: { metadata: { name: 'my-api' } }, secretValues: [] },
  target: { displayName: 'o/p/s', stackName: 'organization/p/s', backendUrl: 'file:///state', sandbox: true },
  label: 'my-api',
  rerunArgs: '-f my-api.yaml --sandbox',
} as unknown as PreparedStack;

const counts = { create: 1, update: 2, replace: 0, delete: 0, same: 3 };

test('the run exits with the most severe code: interrupted, failed, locked, invalid, changes, ok', () => {
  assert.equal(mostSevereExitCode([0, 2, 4, 1]), 1);
  assert.equal(mostSevereExitCode([0, 4, 130]), 130);
  assert.equal(mostSevereExitCode([0, 2, 3]), 3);
  assert.equal(mostSevereExitCode([0, 2]), 2);
  assert.equal(mostSevereExitCode([]), 0);
});

test('pending changes exit 2 only with --detailed-exitcode; errors keep their code', () => {
  const pending: StackOutcome = { prepared, status: 'changes-pending', counts, changes: [], durationMs: 1 };
  assert.equal(exitCodeOf(pending), ExitCode.ok);
  assert.equal(exitCodeOf(pending, { detailedExitcode: true }), ExitCode.changesPending);
  const locked = failedOutcome(prepared, new OpenmcfError('locked', { exitCode: ExitCode.stackLocked, code: 'stack-locked' }), 5);
  assert.equal(locked.status, 'failed');
  assert.equal(exitCodeOf(locked), ExitCode.stackLocked);
  const interrupted = failedOutcome(prepared, new OpenmcfError('stop', { exitCode: ExitCode.interrupted, code: 'interrupted' }), 5);
  assert.equal(interrupted.status, 'cancelled');
  const bug = failedOutcome(prepared, new TypeError('x is undefined'), 5);
  assert.equal(bug.error?.code, 'internal');
  assert.equal(exitCodeOf(bug), ExitCode.failed);
});

test('a stack result names the manifest and stack, masks secret outputs and carries the error', () => {
  const outcome = failedOutcome(prepared, new OpenmcfError('boom', { exitCode: 1, code: 'engine-failed', hint: 'retry' }), 7, {
    counts,
    outputs: { url: { value: 'https://x', secret: false }, token: { value: 'abc', secret: true } },
  });
  const result = toStackResult(outcome);
  assert.deepEqual(result.manifest, { file: 'my-api.yaml', document: 0, name: 'my-api' });
  assert.equal(result.stack, 'o/p/s');
  assert.equal(result.engineStack, 'organization/p/s');
  assert.deepEqual(result.outputs, { token: '[secret]', url: 'https://x' });
  assert.deepEqual(result.error, { code: 'engine-failed', message: 'boom', hint: 'retry', exitCode: 1 });
  assert.deepEqual(toStackResult(outcome, true).outputs, { token: 'abc', url: 'https://x' });

  const document = buildResultDocument({ command: 'apply', exitCode: 1, sandbox: true, results: [result, result] });
  assert.equal(document.apiVersion, RESULT_API_VERSION);
  assert.deepEqual(document.summary, { create: 2, update: 4, replace: 0, delete: 0, same: 6 });
});

test('flags are normalised once: defaults, and --parallel checked', () => {
  const options = cloudOptionsFromFlags({ file: ['a.yaml'] }, {}, '/tmp');
  assert.equal(options.parallel, 4);
  assert.equal(options.yes, false);
  assert.equal(options.sandbox, false);
  assert.deepEqual(options.replace, []);
  assert.equal(parseParallel('8'), 8);
  for (const bad of ['0', '-1', '2.5', 'many', '65']) {
    assert.throws(
      () => parseParallel(bad),
      (e: unknown) => e instanceof OpenmcfError && e.exitCode === ExitCode.invalidInput,
      bad,
    );
  }
});
