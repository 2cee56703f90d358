// Which command lines get their first live line drawn at start-up (src/cli/program.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstPhaseWanted } from '../../src/cli/program.js';

test('commands with live progress draw their first line at start-up; their --help and other commands do not', () => {
  for (const argv of [['preview', '-f', 'a.yaml'], ['plan'], ['apply', '--yes'], ['destroy'], ['delete'], ['refresh', '--sandbox']])
    assert.equal(firstPhaseWanted(argv), true, argv.join(' '));
  for (const argv of [['preview', '--help'], ['apply', '-h'], ['validate', '-f', 'a.yaml'], ['outputs'], ['--help'], [], ['help', 'preview']])
    assert.equal(firstPhaseWanted(argv), false, argv.join(' '));
});
