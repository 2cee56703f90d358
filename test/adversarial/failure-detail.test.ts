// Finding 7 of issue 9: a failed destroy or refresh said only "destroy failed for stack X", and
// the --json of a failed run reported zero changes and no resources even when some had been
// created or deleted. The cause (the resource's own error), a next step, and what was done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CloudHome, parseJson, REPO_ROOT } from '../e2e/cloud-run.js';

const home = new CloudHome('openmcf-adv-failures-');
const PIPELINE = join(REPO_ROOT, 'manifests', 'data-pipeline.yaml');

interface Result {
  results: { status: string; changes: Record<string, number>; resources: { name: string; change: string }[]; error: { message: string; hint: string } }[];
  summary: Record<string, number>;
}

test('a failed apply reports what it created', () => {
  // Every create fails: the real provider (scaleway-sdk-go) retries a 500 by itself, so one failed
  // call would not fail the run.
  const result = home.run(['apply', '--sandbox', '--yes', '--json', '-f', PIPELINE], { env: { OPENMCF_SANDBOX_FAULTS: 'create:Container=500' } });
  assert.equal(result.code, 1, result.stderr);
  const [entry] = parseJson<Result>(result.stdout).results;
  assert.equal(entry?.status, 'failed');
  assert.equal(entry?.changes.create, 1, 'the namespace was created');
  assert.deepEqual(
    entry?.resources.map((r) => `${r.change} ${r.name}`),
    ['create namespace'],
  );
  assert.match(entry?.error.message ?? '', /^apply failed for stack \S+: container: .*500/);
  // The re-run converges.
  assert.equal(home.run(['apply', '--sandbox', '--yes', '-f', PIPELINE]).code, 0);
});

test('a failed refresh names the resource and its error, and what to do', () => {
  const result = home.run(['refresh', '--sandbox', '--yes', '-f', PIPELINE], { env: { OPENMCF_SANDBOX_FAULTS: 'read:Container=500' } });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /error: refresh failed for stack \S+data-pipeline: container: .*500/);
  assert.match(result.stderr, /run `openmcf refresh -f \S+data-pipeline\.yaml --sandbox` again; nothing in the cloud was changed/);
});

test('a failed destroy names the cause and reports the deletions it made', () => {
  const result = home.run(['destroy', '--sandbox', '--yes', '--json', '-f', PIPELINE], { env: { OPENMCF_SANDBOX_FAULTS: 'delete:Container=500' } });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /error: destroy failed for stack \S+data-pipeline: container: .*500/);
  assert.match(result.stderr, /then run `openmcf destroy -f \S+data-pipeline\.yaml --sandbox` again; it deletes what is left/);
  const document = parseJson<Result>(result.stdout);
  const [entry] = document.results;
  assert.equal(entry?.changes.delete, 2, 'both crons were deleted');
  assert.deepEqual(entry?.resources.map((r) => `${r.change} ${r.name}`).sort(), ['delete cron-hourly-sync', 'delete cron-nightly-report']);
  assert.equal(document.summary.delete, 2);
  assert.match(entry?.error.hint ?? '', /it deletes what is left/);
  assert.equal(home.run(['destroy', '--sandbox', '--yes', '-f', PIPELINE]).code, 0, 'the re-run finishes the job');
});
