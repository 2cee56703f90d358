// What the local API refuses, as the platform does, with the platform's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, PROJECT } from './api-client.js';

const NAMESPACE_RULE = 'namespace name must begin with a letter, followed by letters, numbers or hyphens, and end with a letter or number.';

test('a namespace name begins with a letter, and ends with a letter or digit: else a plain 400 with the platform message', async (t) => {
  const api = await apiClient(t);
  for (const name of ['1st-namespace', '-orders', 'orders-', 'orders_api', 'órders']) {
    const answer = await api.call('POST', '/namespaces', { name, project_id: PROJECT });
    assert.equal(answer.status, 400, name);
    assert.deepEqual(answer.json, { message: NAMESPACE_RULE }, name);
  }
  const long = await api.call('POST', '/namespaces', { name: `a${'b'.repeat(63)}`, project_id: PROJECT });
  assert.equal(long.status, 400);
  assert.equal(long.json.details[0].argument_name, 'name');
  for (const name of ['orders', 'Orders-API-2', 'a']) {
    const answer = await api.call('POST', '/namespaces', { name, project_id: PROJECT });
    assert.equal(answer.status, 200, `${name}: ${JSON.stringify(answer.json)}`);
  }
  const listed = await api.call('GET', '/namespaces');
  assert.equal(listed.json.total_count, 3, 'nothing refused was created');
});
