// Issue 16.1: two stacks with the same metadata.name and region (dev and staging of twin-app).
// staging is applied; dev's first apply is killed (kill -9) while it creates its namespace; after
// `cancel`, dev's apply used to take staging's namespace into dev's state (a name match), and dev's
// destroy then deleted staging's namespace, container and crons. Now every object openmcf creates
// carries its stack's owner tag, recovery takes in only what is this stack's, and a name another
// stack holds is a conflict naming that stack. Through the built binary, on the real engine and
// provider, against the local API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome } from '../e2e/cloud-run.js';
import { SANDBOX_CREDENTIALS } from '../../src/stack/credentials.js';
import { checkpointOf, cloudIds, fqdnOf, stackOf, waitForStaleLock, writeManifest } from './recovery-kit.js';
import { Hold } from '../helpers/hold.js';

const home = new CloudHome('openmcf-ownership-');
const staging = { name: 'twin-app', env: 'staging', crons: ['nightly'] };
const dev = { name: 'twin-app', env: 'dev', crons: ['nightly'] };
const stagingFile = writeManifest(home, staging);
const devFile = writeManifest(home, dev);

test("a twin stack killed mid-create never takes the other stack's namespace: a conflict naming its owner, and destroy leaves the twin alone", async () => {
  const applied = home.run(['apply', '-f', stagingFile, '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  const stagingObjects = cloudIds(home, staging);
  assert.equal(stagingObjects.namespaces.length, 1, "staging's namespace carries its owner tag");
  assert.equal(stagingObjects.triggers.length, 1);
  const [namespace] = Object.values(home.cloud().namespaces);
  assert.ok(namespace!.tags.includes(`openmcf.org/stack=${fqdnOf(staging)}`), namespace!.tags.join(', '));
  assert.ok(namespace!.tags.includes('planton-ai_name=twin-app'), "the original module's tags are kept");

  // Killed while its namespace create is held (never released: the run dies there).
  const hold = new Hold(home.storeDir, 'twin-namespace-create', 'Namespace', 'create');
  const run = home.start(['apply', '-f', devFile, '--sandbox', '--yes'], { env: hold.env });
  await hold.waitHeld(120_000, () => run.stderr);
  await run.waitFor(/creating namespace/);
  run.signal('SIGKILL');
  await run.done;
  await waitForStaleLock(home);
  assert.equal(home.run(['cancel', '-f', devFile, '--sandbox', '--yes']).code, 0);

  const conflict = home.run(['apply', '-f', devFile, '--sandbox', '--yes']);
  assert.equal(conflict.code, 1, conflict.stderr);
  assert.match(conflict.stderr, new RegExp(`namespace "twin-app" in fr-par \\(fr-par/${namespace!.id}\\) belongs to stack ${fqdnOf(staging).replace(/\./g, '\\.')}`));
  assert.doesNotMatch(conflict.stderr, /taken into the state/);
  assert.deepEqual(
    checkpointOf(home, stackOf(dev)).resources.filter((r) => r.type.startsWith('scaleway:')),
    [],
    "nothing of staging in dev's state",
  );
  assert.deepEqual(checkpointOf(home, stackOf(dev)).pending, [], "the create that never made an object of dev's is dropped");

  const destroyed = home.run(['destroy', '-f', devFile, '--sandbox', '--yes']);
  assert.equal(destroyed.code, 0, destroyed.stderr);
  assert.deepEqual(cloudIds(home, staging), stagingObjects, "staging's namespace, container and cron are all still there");
  const settled = home.run(['preview', '-f', stagingFile, '--sandbox', '--detailed-exitcode']);
  assert.equal(settled.code, 0, settled.stdout + settled.stderr);
});

test('an object of our name that openmcf did not create is a conflict "not created by openmcf", never taken', async () => {
  const other = { name: 'made-by-hand', env: 'dev' };
  const file = writeManifest(home, other);
  // Made outside openmcf: the namespace through the local API, without the owner tag.
  const api = home.start(['sandbox', 'api']);
  try {
    await api.waitFor(/sandbox API on/);
    const url = api.stdout.split('\n')[0]!;
    const created = await fetch(`${url}/containers/v1/regions/fr-par/namespaces`, {
      method: 'POST',
      headers: { 'X-Auth-Token': SANDBOX_CREDENTIALS.secretKey, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'made-by-hand', project_id: SANDBOX_CREDENTIALS.projectId, tags: ['planton-ai_name=made-by-hand'] }),
    });
    assert.equal(created.status, 200, await created.text());
  } finally {
    api.signal('SIGINT');
    await api.done;
  }
  // Killed while its namespace create is held (never released: the run dies there).
  const hold = new Hold(home.storeDir, 'by-hand-namespace-create', 'Namespace', 'create');
  const run = home.start(['apply', '-f', file, '--sandbox', '--yes'], { env: hold.env });
  await hold.waitHeld(120_000, () => run.stderr);
  await run.waitFor(/creating namespace/);
  run.signal('SIGKILL');
  await run.done;
  await waitForStaleLock(home);
  assert.equal(home.run(['cancel', '-f', file, '--sandbox', '--yes']).code, 0);
  const conflict = home.run(['apply', '-f', file, '--sandbox', '--yes']);
  assert.equal(conflict.code, 1, conflict.stderr);
  assert.match(conflict.stderr, /namespace "made-by-hand" in fr-par \(fr-par\/[0-9a-f-]+\) was not created by openmcf \(it has no openmcf\.org\/stack tag\)/);
  assert.match(conflict.stderr, /give this manifest another metadata\.name/);
});
