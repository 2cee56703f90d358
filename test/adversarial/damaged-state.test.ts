// Finding 8 of issue 9: a damaged state file gave "failed to load checkpoint: unexpected end of
// JSON input", naming no file. The error names the file and its backup and how to restore it;
// following the hint brings the stack back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome } from '../e2e/cloud-run.js';
import { fixture } from './adversarial.js';

const home = new CloudHome('openmcf-adv-damaged-');

test('a cut-off state file is named with its backup; the suggested restore works', () => {
  assert.equal(home.run(['apply', '--sandbox', '--yes', '-f', fixture('secrets.yaml')]).code, 0);
  const file = join(home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'secrets', 'dev.ScalewayServerlessContainer.secret-api.json');
  writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));

  for (const command of [['preview'], ['apply', '--yes'], ['outputs']]) {
    const result = home.run([...command, '--sandbox', '-f', fixture('secrets.yaml')]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, new RegExp(`error: the state file of stack \\S+secret-api is damaged: ${file.replace(/[.]/g, '\\.')} \\(.*unexpected end of JSON input\\)`));
    assert.match(result.stderr, /Put the previous version back with `cp '.*\.json\.bak' '.*\.json'` \(older ones are in .*backups/);
  }

  const hint = /`(cp '[^`]+)`/.exec(home.run(['preview', '--sandbox', '-f', fixture('secrets.yaml')]).stderr)?.[1];
  assert.ok(hint);
  execSync(hint);
  const refreshed = home.run(['refresh', '--sandbox', '--yes', '-f', fixture('secrets.yaml')]);
  assert.equal(refreshed.code, 0, refreshed.stderr);
  assert.equal(home.run(['preview', '--sandbox', '--detailed-exitcode', '-f', fixture('secrets.yaml')]).code, 0);
});
