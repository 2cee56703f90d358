// The local API's lists, as any client calls them: every filter the containers v1 API defines
// (scaleway-sdk-go api/container/v1 List*Request), ordering, pages; the domains a container
// without custom domains has; 404 bodies a client can name; and who owns what is created.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, createChain, PROJECT, REGION_PATH } from './api-client.js';

const OTHER_PROJECT = '22222222-2222-4222-8222-222222222222';
const ORG_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const ORG_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function names(list: Array<{ name: string }>): string[] {
  return list.map((item) => item.name);
}

test('a namespace belongs to the organization of the credentials, else to its project id', async (t) => {
  const withOrg = await apiClient(t, { organizationId: ORG_A });
  const created = await withOrg.call('POST', '/namespaces', { name: 'owned', project_id: PROJECT });
  assert.equal(created.json.organization_id, ORG_A);
  assert.equal(created.json.project_id, PROJECT);

  const withoutOrg = await apiClient(t);
  const fallback = await withoutOrg.call('POST', '/namespaces', { name: 'default-project', project_id: PROJECT });
  assert.equal(fallback.json.organization_id, PROJECT, 'a default project has the id of its organization');
});

test('every list filters by organization and project, through the namespace that holds an object', async (t) => {
  // Two organizations' clients over one simulated cloud, as two accounts' objects on the platform.
  const a = await apiClient(t, { organizationId: ORG_A });
  const b = await apiClient(t, { organizationId: ORG_B, storeDir: a.storeDir });
  const ours = await createChain(a, 'ours');
  const other = await createChain(a, 'other-project', OTHER_PROJECT);
  const theirs = await createChain(b, 'theirs');

  const namespaces = await a.call('GET', `/namespaces?organization_id=${ORG_A}`);
  assert.deepEqual(names(namespaces.json.namespaces), ['ours', 'other-project']);
  assert.equal(namespaces.json.total_count, 2);
  assert.deepEqual(names((await a.call('GET', `/namespaces?project_id=${PROJECT}`)).json.namespaces), ['ours', 'theirs']);
  assert.deepEqual(names((await a.call('GET', `/namespaces?organization_id=${ORG_B}&project_id=${PROJECT}`)).json.namespaces), ['theirs']);

  assert.deepEqual(names((await a.call('GET', `/containers?organization_id=${ORG_B}`)).json.containers), ['theirs']);
  assert.deepEqual(names((await a.call('GET', `/containers?project_id=${OTHER_PROJECT}`)).json.containers), ['other-project']);
  assert.deepEqual(names((await a.call('GET', `/containers?organization_id=${ORG_A}&project_id=${PROJECT}`)).json.containers), ['ours']);

  const triggers = async (query: string): Promise<string[]> => {
    const answer = await a.call('GET', `/triggers?${query}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
    assert.equal(answer.json.total_count, answer.json.triggers.length);
    return names(answer.json.triggers);
  };
  assert.deepEqual(await triggers(`organization_id=${ORG_A}`), ['ours-cron', 'other-project-cron']);
  assert.deepEqual(await triggers(`organization_id=${ORG_B}`), ['theirs-cron']);
  assert.deepEqual(await triggers(`project_id=${OTHER_PROJECT}`), ['other-project-cron']);
  assert.deepEqual(await triggers(`namespace_id=${theirs.namespace}`), ['theirs-cron']);
  assert.deepEqual(await triggers(`container_id=${ours.container}`), ['ours-cron']);
  assert.deepEqual(await triggers(`namespace_id=${other.namespace}&container_id=${ours.container}`), [], 'filters add up');
});

test('trigger_type: unknown_source_type and an empty value filter nothing, a source type filters, another value is a 400', async (t) => {
  const api = await apiClient(t);
  await createChain(api, 'crons');
  for (const query of ['trigger_type=unknown_source_type', 'trigger_type=', 'trigger_type=cron', '']) {
    assert.deepEqual(names((await api.call('GET', `/triggers?${query}`)).json.triggers), ['crons-cron'], query);
  }
  assert.deepEqual((await api.call('GET', '/triggers?trigger_type=nats')).json, { triggers: [], total_count: 0 });
  const bad = await api.call('GET', '/triggers?trigger_type=kafka');
  assert.equal(bad.status, 400);
  assert.equal(bad.json.type, 'invalid_arguments');
  assert.equal(bad.json.details[0].argument_name, 'trigger_type');
});

test('name filters, order_by, page and page_size', async (t) => {
  const api = await apiClient(t);
  for (const name of ['bravo', 'alpha', 'charlie']) await createChain(api, name);

  assert.deepEqual(names((await api.call('GET', '/namespaces?name=alpha')).json.namespaces), ['alpha']);
  assert.deepEqual(names((await api.call('GET', '/containers?name=charlie')).json.containers), ['charlie']);
  assert.deepEqual(names((await api.call('GET', '/namespaces')).json.namespaces), ['bravo', 'alpha', 'charlie'], 'created_at_asc by default');
  assert.deepEqual(names((await api.call('GET', '/namespaces?order_by=name_asc')).json.namespaces), ['alpha', 'bravo', 'charlie']);
  assert.deepEqual(names((await api.call('GET', '/containers?order_by=name_desc')).json.containers), ['charlie', 'bravo', 'alpha']);
  assert.deepEqual(names((await api.call('GET', '/triggers?order_by=name_asc')).json.triggers), ['alpha-cron', 'bravo-cron', 'charlie-cron']);

  const second = await api.call('GET', '/containers?order_by=name_asc&page=2&page_size=2');
  assert.deepEqual(names(second.json.containers), ['charlie']);
  assert.equal(second.json.total_count, 3, 'the total counts every page');
  assert.deepEqual((await api.call('GET', '/triggers?page=5')).json, { triggers: [], total_count: 3 }, 'past the end: empty, with the total');

  for (const [query, argument] of [
    ['order_by=hostname_asc', 'order_by'],
    ['page=0', 'page'],
    ['page_size=101', 'page_size'],
    ['project_id=my-project', 'project_id'],
    ['namespace_id=x', 'namespace_id'],
  ] as const) {
    const answer = await api.call('GET', `/containers?${query}`);
    assert.equal(answer.status, 400, query);
    assert.equal(answer.json.details[0].argument_name, argument, query);
  }
});

test('a container without custom domains: an empty list, a 404 naming the domain; 404 bodies name what is missing', async (t) => {
  const api = await apiClient(t);
  const { container, namespace } = await createChain(api, 'plain');
  for (const query of ['', `?container_id=${container}`, `?namespace_id=${namespace}&order_by=hostname_desc`]) {
    const list = await api.call('GET', `/domains${query}`);
    assert.equal(list.status, 200, query);
    assert.deepEqual(list.json, { domains: [], total_count: 0 });
  }
  const missing = '33333333-3333-4333-8333-333333333333';
  const domain = await api.call('GET', `/domains/${missing}`);
  assert.equal(domain.status, 404);
  assert.deepEqual(domain.json, { message: 'resource is not found', resource: 'domain', resource_id: missing, type: 'not_found' });

  const namespace404 = await api.call('GET', `/namespaces/${missing}`);
  assert.deepEqual(namespace404.json, { message: 'resource is not found', resource: 'namespace', resource_id: missing, type: 'not_found' });
  const noRoute = await api.call('GET', `${REGION_PATH}/functions`);
  assert.equal(noRoute.status, 404);
  assert.equal(typeof noRoute.json.resource, 'string');
  assert.ok(noRoute.json.resource !== '' && String(noRoute.json.resource_id).includes('/functions'), JSON.stringify(noRoute.json));
});
