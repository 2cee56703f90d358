// Recovery's settling of the state with the cloud (engine/pending-creates.ts, cloud-adoption.ts),
// against a small stand-in of the containers API's list endpoints: what is this stack's is taken
// in, what another stack or someone outside openmcf owns is a conflict, never taken.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { settleWithCloud, type RecoveryContext } from '../../src/engine/pending-creates.js';
import { orderedForState } from '../../src/engine/cloud-adoption.js';
import { stackOutputsStale, stackStateOf, stateFingerprint } from '../../src/engine/stack-state.js';
import { lookupSettings } from '../../src/engine/cloud-lookup.js';
import { ownerOfTags, ownerTag } from '../../src/program/tags.js';

const PREFIX = 'urn:pulumi:dev.S.twin::p::';
const NS_TYPE = 'scaleway:containers/namespace:Namespace';
const CT_TYPE = 'scaleway:containers/container:Container';
const CRON_TYPE = 'scaleway:containers/cron:Cron';
const NS = `${PREFIX}${NS_TYPE}::namespace`;
const CT = `${PREFIX}${CT_TYPE}::container`;
const STACK = `${PREFIX}pulumi:pulumi:Stack::p-dev.S.twin`;
const PROVIDER_URN = `${PREFIX}pulumi:providers:scaleway::default_1_54_0`;
const PROVIDER = `${PROVIDER_URN}::0d5c`;
const OWNER = 'acme/p/dev.S.twin';
const context: RecoveryContext = {
  owner: OWNER,
  urnPrefix: PREFIX,
  declared: [
    { type: NS_TYPE, resourceName: 'namespace', aliases: [], name: 'twin', region: 'fr-par', inputs: { name: 'twin', region: 'fr-par', tags: [ownerTag(OWNER)] } },
    { type: CT_TYPE, resourceName: 'container', aliases: [], name: 'twin', region: 'fr-par', inputs: { name: 'twin', region: 'fr-par', tags: [ownerTag(OWNER)] } },
    {
      type: CRON_TYPE,
      resourceName: 'cron-nightly',
      aliases: [],
      name: 'nightly',
      region: 'fr-par',
      inputs: { name: 'nightly', region: 'fr-par', schedule: '0 3 * * *', args: '{}' },
    },
  ],
};

type Item = Record<string, unknown>;
const cloud: { namespaces: Item[]; containers: Item[]; triggers: Item[] } = { namespaces: [], containers: [], triggers: [] };
const calls: string[] = [];
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://x');
  calls.push(url.pathname + url.search);
  const collection = url.pathname.split('/').pop() as keyof typeof cloud;
  let items = cloud[collection] ?? [];
  if (url.searchParams.get('name')) items = items.filter((i) => i.name === url.searchParams.get('name'));
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ [collection]: items, total_count: items.length }));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
after(() => server.close());
const settings = { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, secretKey: 'k' };

const base = [
  { urn: STACK, type: 'pulumi:pulumi:Stack', custom: false },
  { urn: PROVIDER_URN, type: 'pulumi:providers:scaleway', custom: true, id: '0d5c' },
];
const nsResource = { urn: NS, type: NS_TYPE, custom: true, id: 'fr-par/ns-1', parent: STACK, provider: PROVIDER, inputs: { name: 'twin', region: 'fr-par' } };
const ctResource = {
  urn: CT,
  type: CT_TYPE,
  custom: true,
  id: 'fr-par/ct-1',
  parent: STACK,
  provider: PROVIDER,
  inputs: { name: 'twin', region: 'fr-par', namespaceId: 'fr-par/ns-1' },
  dependencies: [NS],
};
const exported = (resources: unknown[], pending: unknown[] = []) => ({ version: 3, deployment: { manifest: { time: 't' }, resources, pending_operations: pending } });

test("a pending namespace create: taken in when it carries this stack's owner tag; a namespace of another stack under that name is a conflict, never taken", async () => {
  const op = { type: 'creating', resource: { ...nsResource, id: undefined } };
  cloud.namespaces = [{ id: 'ns-staging', name: 'twin', tags: ['planton-ai_name=twin', ownerTag('acme/p/staging.S.twin')] }];
  const foreign = await settleWithCloud(exported(base, [op]), settings, context);
  assert.deepEqual(
    foreign.settlements.map((s) => s.kind),
    ['dropped', 'conflict'],
  );
  assert.equal((foreign.settlements[1] as { owner?: string }).owner, 'acme/p/staging.S.twin');
  const { resources, pending_operations: pending } = foreign.deployment.deployment as { resources: Item[]; pending_operations: Item[] };
  assert.ok(!resources.some((r) => r.type === NS_TYPE), "staging's namespace is not in dev's state");
  assert.deepEqual(pending, []);

  cloud.namespaces = [{ id: 'ns-untagged', name: 'twin', tags: ['planton-ai_name=twin'] }];
  const untagged = await settleWithCloud(exported(base, [op]), settings, context);
  assert.deepEqual(
    untagged.settlements.map((s) => [s.kind, (s as { owner?: string }).owner]),
    [
      ['dropped', undefined],
      ['conflict', undefined],
    ],
    'not created by openmcf: no owner',
  );

  cloud.namespaces = [...cloud.namespaces, { id: 'ns-1', name: 'twin', tags: [ownerTag(OWNER)] }];
  const mine = await settleWithCloud(exported(base, [op]), settings, context);
  assert.deepEqual(
    mine.settlements.map((s) => [s.kind, (s as { cloudId?: string }).cloudId]),
    [['taken', 'fr-par/ns-1']],
  );
  cloud.namespaces = [];
});

test("a container made without being recorded (its readiness poll failed) is adopted through its owner tag, under the state's stack and provider", async () => {
  cloud.containers = [{ id: 'ct-9', name: 'twin', namespace_id: 'ns-1', tags: [ownerTag(OWNER)] }];
  const settled = await settleWithCloud(exported([...base, nsResource]), settings, context);
  assert.deepEqual(
    settled.settlements.map((s) => [s.kind, s.type, (s as { cloudId?: string }).cloudId]),
    [['adopted', CT_TYPE, 'fr-par/ct-9']],
  );
  const container = (settled.deployment.deployment as { resources: Item[] }).resources.find((r) => r.type === CT_TYPE)!;
  assert.equal(container.urn, CT);
  assert.equal(container.parent, STACK);
  assert.equal(container.provider, PROVIDER);
  assert.deepEqual(container.dependencies, [NS]);
  assert.equal((container.inputs as Item).namespaceId, 'fr-par/ns-1');
  assert.ok(!JSON.stringify(container).includes('secret'), 'no secret input is made up');
  cloud.containers = [];
});

test('triggers: one the state lacks is adopted through its container; one already held by a Cron of the state is not taken twice', async () => {
  cloud.triggers = [
    { id: 't-held', name: 'nightly', container_id: 'ct-1' },
    { id: 't-other-container', name: 'nightly', container_id: 'ct-elsewhere' },
  ];
  const heldCron = {
    urn: `${PREFIX}${CRON_TYPE}::cron-nightly`,
    type: CRON_TYPE,
    custom: true,
    id: 'fr-par/t-held',
    parent: STACK,
    provider: PROVIDER,
    inputs: { name: 'nightly' },
  };
  calls.length = 0;
  const complete = await settleWithCloud(exported([...base, nsResource, ctResource, heldCron]), settings, context);
  assert.equal(complete.changed, false);
  assert.deepEqual(calls, [], 'a complete state costs no API call');

  const missing = await settleWithCloud(exported([...base, nsResource, ctResource]), settings, context);
  assert.deepEqual(
    missing.settlements.map((s) => [s.kind, s.name, (s as { cloudId?: string }).cloudId]),
    [['adopted', 'cron-nightly', 'fr-par/t-held']],
  );
  cloud.triggers = [];
});

test('state order: dependencies first, whatever order things were taken in', () => {
  const ordered = orderedForState([{ urn: 'c', type: CRON_TYPE }, ctResource, ...base, nsResource]);
  assert.deepEqual(
    ordered.map((r) => r.type),
    ['pulumi:pulumi:Stack', 'pulumi:providers:scaleway', NS_TYPE, CT_TYPE, CRON_TYPE],
  );
});

test('stack outputs are stale when missing or not what the resources hold', () => {
  const withOutputs = (outputs: Item | undefined) =>
    stackStateOf({ resources: [{ ...base[0], ...(outputs ? { outputs } : {}) }, nsResource, { ...ctResource, outputs: { domainName: 'd.example', status: 'ready' } }] });
  assert.equal(stackOutputsStale(withOutputs(undefined)), true);
  assert.equal(stackOutputsStale(withOutputs({ containerId: 'fr-par/ct-1', namespaceId: 'fr-par/ns-1', domainName: 'd.example', status: 'ready' })), false);
  assert.equal(stackOutputsStale(withOutputs({ containerId: 'fr-par/ct-0', namespaceId: 'fr-par/ns-1', domainName: 'd.example', status: 'ready' })), true);
  assert.equal(stackOutputsStale(stackStateOf({ resources: base })), false, 'nothing deployed: nothing to record');
});

test('owner tags; lookups honour SCW_API_URL from the environment the engine inherits', () => {
  assert.equal(ownerOfTags(['planton-ai_name=x', ownerTag('o/p/s')]), 'o/p/s');
  assert.equal(ownerOfTags(['planton-ai_name=x']), undefined);
  assert.equal(lookupSettings({ SCW_SECRET_KEY: 'k' }, { SCW_API_URL: 'http://127.0.0.1:9/' })?.apiUrl, 'http://127.0.0.1:9');
  assert.equal(lookupSettings({ SCW_SECRET_KEY: 'k', SCW_API_URL: 'http://sandbox' }, { SCW_API_URL: 'http://other' })?.apiUrl, 'http://sandbox');
});

test('the state fingerprint ignores the checkpoint header and sees any resource change', () => {
  const res = { manifest: { time: 'a' }, resources: [{ urn: CT, type: CT_TYPE, outputs: { port: 8080 } }] };
  const same = stateFingerprint(stackStateOf({ ...res, manifest: { time: 'b' } }));
  assert.equal(stateFingerprint(stackStateOf(res)), same);
  assert.notEqual(stateFingerprint(stackStateOf({ ...res, resources: [{ urn: CT, type: CT_TYPE, outputs: { port: 7000 } }] })), same);
});
