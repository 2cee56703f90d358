// Issue 16.3: a failed update reported as success on the rerun. `update:Container=409` on an image
// change: exit 1 and "run again"; the rerun said "1 updated" and exited 0 while the cloud still ran
// the old image. The rerun now refreshes first (preview/apply refresh by default), sees the update
// is still to do, and makes it. Same for a failed Cron update. Through the built binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome } from '../e2e/cloud-run.js';
import { cloudIds, manifestText, writeManifest } from './recovery-kit.js';

const home = new CloudHome('openmcf-failed-update-');

test('update:Container=409 on an image change, then the rerun deploys the new image', async () => {
  const shape = { name: 'image-change', env: 'dev', crons: ['nightly'] };
  const file = writeManifest(home, shape);
  assert.equal(home.run(['apply', '-f', file, '--sandbox', '--yes']).code, 0);
  writeManifest(home, { ...shape, tag: 'v2' });
  const failed = home.run(['apply', '-f', file, '--sandbox', '--yes'], { env: { OPENMCF_SANDBOX_FAULTS: 'update:Container=409' } });
  assert.equal(failed.code, 1, failed.stderr);
  const rerun = home.run(['apply', '-f', file, '--sandbox', '--yes']);
  assert.equal(rerun.code, 0, rerun.stderr);
  const [container] = Object.values(home.cloud().containers);
  assert.match(container!.image, /:v2$/, 'the cloud runs the new image after the rerun');
  const settled = home.run(['preview', '-f', file, '--sandbox', '--detailed-exitcode']);
  assert.equal(settled.code, 0, settled.stdout + settled.stderr);
});

test('update:Cron=500 on a schedule change, then the rerun sets the new schedule', async () => {
  const shape = { name: 'cron-change', env: 'dev', crons: ['nightly'] };
  const file = writeManifest(home, shape);
  assert.equal(home.run(['apply', '-f', file, '--sandbox', '--yes']).code, 0);
  home.file('dev.ScalewayServerlessContainer.cron-change.yaml', manifestText(shape).replace('"0 3 * * *"', '"0 4 * * *"'));
  const failed = home.run(['apply', '-f', file, '--sandbox', '--yes'], { env: { OPENMCF_SANDBOX_FAULTS: 'update:Cron=500' } });
  assert.equal(failed.code, 1, failed.stderr);
  const rerun = home.run(['apply', '-f', file, '--sandbox', '--yes']);
  assert.equal(rerun.code, 0, rerun.stderr);
  const cloud = home.cloud();
  const triggers = cloudIds(home, shape).triggers.map((id) => cloud.triggers[id]!);
  assert.equal(triggers.length, 1);
  assert.equal(triggers[0]!.cron_config.schedule, '0 4 * * *', 'the cloud has the new schedule after the rerun');
});
