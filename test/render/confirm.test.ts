import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmDecision, isAffirmative, requireConfirmationPossible } from '../../src/render/confirm.js';
import { ExitCode, OpenmcfError } from '../../src/core/errors.js';

test('--yes proceeds anywhere; a terminal asks; no terminal refuses', () => {
  assert.equal(confirmDecision({ yes: true, interactive: false }), 'proceed');
  assert.equal(confirmDecision({ yes: true, interactive: true }), 'proceed');
  assert.equal(confirmDecision({ yes: false, interactive: true }), 'ask');
  assert.equal(confirmDecision({ yes: false, interactive: false }), 'refuse');
});

test('without a terminal and without --yes the run is invalid input (exit 3)', () => {
  assert.throws(
    () => requireConfirmationPossible('apply', { yes: false, interactive: false }),
    (error: unknown) => error instanceof OpenmcfError && error.exitCode === ExitCode.invalidInput && /--yes/.test(error.hint ?? ''),
  );
  assert.doesNotThrow(() => requireConfirmationPossible('apply', { yes: true, interactive: false }));
});

test('only yes or y confirms', () => {
  for (const answer of ['y', 'Y', 'yes', ' YES ']) assert.ok(isAffirmative(answer), answer);
  for (const answer of ['', 'n', 'no', 'yess', 'ok']) assert.ok(!isAffirmative(answer), answer);
});
