// A failed start per image (status:Container@<image>=error): a deploy of that image ends in
// `error` with the platform's message, other images deploy, and a new image recovers the
// container: a bad deploy and its rollback, rehearsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFaults } from '../../src/sandbox/faults.js';
import { apiClient, PROJECT, type ApiClient } from './api-client.js';

const BAD = 'rg.fr-par.scw.cloud/team/api:v2';
const GOOD = 'rg.fr-par.scw.cloud/team/api:v1';

async function namespace(api: ApiClient): Promise<string> {
  return (await api.call('POST', '/namespaces', { name: 'rehearsal', project_id: PROJECT })).json.id;
}

test('the image-keyed status rule parses, with or without a message, and only status rules take an image', () => {
  const [plain, worded, counted] = parseFaults(`status:Container@${BAD}=error,status:Container@nginx@sha256:0abc=error:pull denied,status:Container@${GOOD}=error*1`);
  assert.deepEqual([plain!.image, plain!.effect], [BAD, { kind: 'status', status: 'error' }]);
  assert.deepEqual([worded!.image, worded!.effect], ['nginx@sha256:0abc', { kind: 'status', status: 'error', message: 'pull denied' }]);
  assert.deepEqual([counted!.image, counted!.count], [GOOD, 1]);
  assert.throws(() => parseFaults(`create:Container@${BAD}=409`), /only status rules name an image/);
});

test('a deploy of the failing image ends in error with the platform message; another image recovers it', async (t) => {
  const api = await apiClient(t, { faults: `status:Container@${BAD}=error` });
  const namespaceId = await namespace(api);
  const bad = await api.call('POST', '/containers', { namespace_id: namespaceId, name: 'api', image: BAD, port: 80 });
  assert.equal(bad.json.status, 'creating');
  const failed = await api.call('GET', `/containers/${bad.json.id}`);
  assert.equal(failed.json.status, 'error');
  assert.equal(failed.json.error_message, 'Container is unable to start OR is not listening on port 80');

  const other = await api.call('POST', '/containers', { namespace_id: namespaceId, name: 'worker', image: GOOD });
  assert.equal((await api.call('GET', `/containers/${other.json.id}`)).json.status, 'ready', 'other images deploy');

  const rolledBack = await api.call('PATCH', `/containers/${bad.json.id}`, { image: GOOD, port: 8080 });
  assert.equal(rolledBack.json.status, 'updating');
  const recovered = await api.call('GET', `/containers/${bad.json.id}`);
  assert.deepEqual([recovered.json.status, recovered.json.error_message, recovered.json.image], ['ready', '', GOOD]);

  const again = await api.call('PATCH', `/containers/${bad.json.id}`, { image: BAD });
  assert.equal(again.status, 200);
  const failedAgain = (await api.call('GET', `/containers/${bad.json.id}`)).json;
  assert.deepEqual(
    [failedAgain.status, failedAgain.error_message],
    ['error', 'Container is unable to start OR is not listening on port 8080'],
    'the port of the deployment it names',
  );
  const redeployed = await api.call('POST', `/containers/${bad.json.id}/redeploy`, {});
  assert.equal(redeployed.status, 200);
  assert.equal((await api.call('GET', `/containers/${bad.json.id}`)).json.status, 'error', 'a redeploy of the same image fails the same way');
});

test('a status rule without an image, and a message of its own, still fails every deployment', async (t) => {
  const api = await apiClient(t, { faults: 'status:Container=error:image not found' });
  const container = await api.call('POST', '/containers', { namespace_id: await namespace(api), name: 'api', image: GOOD });
  const read = (await api.call('GET', `/containers/${container.json.id}`)).json;
  assert.deepEqual([read.status, read.error_message], ['error', 'image not found']);
});
