// Without a terminal (CI logs): a "still ..." line for every operation still running, at the
// interval OPENMCF_PROGRESS_INTERVAL sets; the plan printed before an apply --yes; a preview that
// leaves no stack behind; unknown values spelled out in --json; --refresh counting once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, manifest, parseJson } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';
import { UNKNOWN_VALUE } from '../../src/engine/property-changes.js';

const home = new CloudHome('openmcf-progress-ci-');
const stackFile = (name: string): string => join(home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'my-project', `dev.ScalewayServerlessContainer.${name}.json`);

test('preview of a manifest never applied leaves no stack in the backend; unknown values are {"unknown": true}', () => {
  const result = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(existsSync(stackFile('my-api')), false);
  assert.equal(result.stdout.includes(UNKNOWN_VALUE), false, "the engine's placeholder never reaches --json");
  const document = parseJson<ResultDocument>(result.stdout);
  const container = document.results[0]?.resources.find((r) => r.type === 'scaleway:containers/container:Container');
  assert.deepEqual(container?.properties.find((p) => p.path === 'namespaceId')?.new, { unknown: true });
  assert.deepEqual(
    container?.manifestChanges.find((c) => c.path === 'spec.memoryLimitMb'),
    { path: 'spec.memoryLimitMb', providerPath: 'memoryLimitBytes', kind: 'add', replaces: false, new: 256, secret: false },
  );
  // Outputs say so too: the stack really does not exist.
  const outputs = home.run(['outputs', '-f', manifest('my-api'), '--sandbox']);
  assert.equal(outputs.code, 1);
  assert.match(outputs.stderr, /does not exist/);
});

test('apply --yes prints the plan before changing anything; --skip-preview does not', () => {
  // The plan on stdout, progress on stderr: read as one log (2>&1) to see their order.
  const applied = home.runMerged(['apply', '-f', manifest('my-api'), '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stdout);
  const plan = applied.stdout.indexOf('Preview of my-api');
  assert.ok(plan >= 0, applied.stdout);
  assert.ok(plan < applied.stdout.indexOf('creating container'), 'the plan comes first');
  assert.match(applied.stdout, /\+ {2}create +container\n {6}name=my-api .*\n.*memoryLimitMb=256/);
  const direct = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--skip-preview', '--set', 'spec.memoryLimitMb=512']);
  assert.equal(direct.code, 0, direct.stderr);
  assert.doesNotMatch(direct.stdout + direct.stderr, /Preview of/);
  assert.match(direct.stderr, /~ updated container .*\n {4}~ spec\.memoryLimitMb: 256 -> 512 {2}\(memoryLimitBytes\)/);
});

test('a preview of an existing stack keeps it; --refresh counts each resource once', () => {
  const result = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '--refresh', '--json']);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(existsSync(stackFile('my-api')));
  // The apply above left memoryLimitMb at 512: one update, one unchanged, two resources in all.
  assert.deepEqual(parseJson<ResultDocument>(result.stdout).summary, { create: 0, update: 1, replace: 0, delete: 0, same: 1 });
});

test('without a terminal a slow operation prints "still ..." lines at the interval set', () => {
  const result = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.port=9000'], {
    env: { OPENMCF_SANDBOX_FAULTS: 'delay:Container=3000', OPENMCF_PROGRESS_INTERVAL: '1' },
  });
  assert.equal(result.code, 0, result.stderr);
  const beats = [...result.stderr.matchAll(/^still updating container\.\.\. \[(\d+(?:\.\d)?)s elapsed\]$/gm)].map((m) => Number(m[1]));
  assert.ok(beats.length >= 2, result.stderr);
  for (let i = 1; i < beats.length; i++) assert.ok(beats[i]! > beats[i - 1]!, `elapsed times grow: ${beats.join(', ')}`);
  assert.ok(result.stderr.indexOf('still updating container') > result.stderr.indexOf('updating container...'));

  const quiet = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.port=9001'], {
    env: { OPENMCF_SANDBOX_FAULTS: 'delay:Container=2000', OPENMCF_PROGRESS_INTERVAL: '0' },
  });
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.doesNotMatch(quiet.stderr, /^still /m);
});

test('a bad OPENMCF_PROGRESS_INTERVAL is invalid input', () => {
  const result = home.run(['preview', '-f', manifest('my-api'), '--sandbox'], { env: { OPENMCF_PROGRESS_INTERVAL: 'soon' } });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /OPENMCF_PROGRESS_INTERVAL must be a number of seconds/);
});

test('-p under --sandbox is not used, and the run says so', () => {
  const config = home.file('scw.yaml', 'accessKey: SCWXXXXXXXXXXXXXXXXX\nsecretKey: 11111111-1111-4111-8111-111111111111\n');
  const result = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '-p', config]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /note: -p\/--provider-config .*scw\.yaml is not used with --sandbox/);
});

test('several stacks end with a total line', () => {
  const result = home.run(['preview', '-f', manifest('my-api'), '-f', manifest('order-api'), '--sandbox'], { env: { DATABASE_URL: 'postgres://x' } });
  assert.equal(result.code, 0, result.stderr);
  // my-api is applied (with port 9001 from the test above), order-api is new.
  assert.match(result.stdout, /^Total: 2 to create, 1 to update, 1 unchanged in 2 stacks$/m);
});
