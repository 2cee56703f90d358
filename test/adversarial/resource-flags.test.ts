// Finding 12 of issue 9: `--target nope` reached the engine, which failed (exit 1) with a message
// about escaping `$`. Resource names are checked before the engine starts: exit 3, listing them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/run-openmcf.js';
import { fixture, printed, run } from './adversarial.js';

const PIPELINE = join(REPO_ROOT, 'manifests', 'data-pipeline.yaml');

for (const [command, flag] of [
  ['preview', '--target'],
  ['preview', '--replace'],
  ['apply', '--replace'],
  ['destroy', '--target'],
  ['refresh', '--target'],
] as const) {
  test(`${command} ${flag} with an unknown name is invalid input listing the names`, () => {
    const result = run([command, '--sandbox', '--yes', '-f', PIPELINE, flag, 'nope'].filter((arg) => !(command === 'preview' && arg === '--yes')));
    assert.equal(result.code, 3, printed(result));
    assert.match(
      result.stderr,
      new RegExp(
        `^error: ${flag} nope: there is no resource of that name\\n {2}the resources are: namespace, container, cron-hourly-sync, cron-nightly-report \\(or give a URN\\)$`,
        'm',
      ),
    );
    assert.doesNotMatch(result.stderr, /escape|\n\s+at /);
  });
}

test('with several manifests, a name one of them lacks names that manifest', () => {
  const result = run(['preview', '--sandbox', '-f', PIPELINE, '-f', fixture('secrets.yaml'), '--target', 'cron-nightly-report', '--json']);
  assert.equal(result.code, 3, printed(result));
  assert.match(result.stderr, /--target cron-nightly-report: manifest "secret-api" \(.*secrets\.yaml:2\) has no resource of that name/);
  assert.match(result.stderr, /the resources of that manifest are: namespace, container \(or give a URN\)/);
  const document = JSON.parse(result.stdout) as { exitCode: number };
  assert.equal(document.exitCode, 3);
});

test('known names and globs are let through to the engine', () => {
  for (const value of ['cron-hourly-sync', '**Cron**']) {
    const result = run(['preview', '--sandbox', '-f', PIPELINE, '--target', value]);
    assert.doesNotMatch(result.stderr, /no resource of that name/, value);
  }
});
