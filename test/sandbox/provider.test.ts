// The sandbox provider called directly (no engine): checks, the API's rules and defaults, diffs as
// the bridged provider computes them, cascading deletes, refresh reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSandboxProvider, type SandboxProvider } from '../../src/sandbox/provider/provider.js';
import { secret, UNKNOWN } from '../../src/sandbox/provider/wire.js';
import { readCloud, updateCloud } from '../../src/sandbox/store.js';
import { tempHome } from '../helpers/engine.js';

const NS = 'urn:pulumi:dev::proj::scaleway:containers/namespace:Namespace::namespace';
const CO = 'urn:pulumi:dev::proj::scaleway:containers/container:Container::container';
const CR = 'urn:pulumi:dev::proj::scaleway:containers/cron:Cron::cron';

type Props = Record<string, unknown>;

function setup(t: { after: (fn: () => void) => void }, env: NodeJS.ProcessEnv = {}): { provider: SandboxProvider; storeDir: string } {
  const { home } = tempHome(t);
  return { provider: createSandboxProvider(home, env), storeDir: home };
}

async function create(provider: SandboxProvider, urn: string, inputs: Props): Promise<{ id: string; outs: Props }> {
  const checked = await provider.check!(urn, {}, inputs);
  assert.deepEqual(checked.failures ?? [], [], 'inputs pass check');
  return provider.create!(urn, checked.inputs) as Promise<{ id: string; outs: Props }>;
}

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail('expected the call to fail');
}

async function app(provider: SandboxProvider, extra: Props = {}) {
  const ns = await create(provider, NS, { name: 'shop', region: 'fr-par' });
  const co = await create(provider, CO, { name: 'api', region: 'fr-par', namespaceId: ns.id, image: 'rg.fr-par.scw.cloud/x/api:v1', ...extra });
  const cr = await create(provider, CR, { name: 'nightly', region: 'fr-par', containerId: co.id, schedule: '0 2 * * *', args: '{"task":"report"}' });
  return { ns, co, cr };
}

test('check reports schema problems the way the provider does, and fills schema defaults', async (t) => {
  const { provider } = setup(t);
  const result = await provider.check!(CO, {}, { privacy: 'publik', protocol: 'h3', region: 'eu-west-1', livenessProbe: { http: { path: '/' } } });
  const reasons = Object.fromEntries((result.failures ?? []).map((f) => [f.property, f.reason]));
  assert.equal(reasons.namespaceId, "Missing required property 'namespaceId'");
  assert.equal(reasons.privacy, 'expected privacy to be one of ["public" "private"], got "publik"');
  assert.equal(reasons.protocol, 'expected protocol to be one of ["http1" "h2c"], got "h3"');
  assert.equal(reasons.region, 'expected region to be one of ["fr-par" "nl-ams" "pl-waw"], got "eu-west-1"');
  assert.equal(reasons.image, 'one of `image,registryImage` must be specified');
  assert.match(reasons['livenessProbe.failureThreshold'] ?? '', /Missing required argument/);

  const ok = await provider.check!(CO, {}, { namespaceId: 'fr-par/x', image: 'nginx:1' });
  assert.equal(ok.inputs.privacy, 'public');
  assert.equal(ok.inputs.protocol, 'http1');
  assert.match(String(ok.inputs.name), /^container-[a-z0-9]{7}$/, 'auto-named like the bridge');
  const again = await provider.check!(CO, ok.inputs, { namespaceId: 'fr-par/x', image: 'nginx:1' });
  assert.equal(again.inputs.name, ok.inputs.name, 'the generated name is kept');
});

test('unknown values (preview) are not checked', async (t) => {
  const { provider } = setup(t);
  const result = await provider.check!(CR, {}, { containerId: UNKNOWN, schedule: UNKNOWN, args: UNKNOWN });
  assert.deepEqual(result.failures, []);
});

test('create fills the API defaults, regional ids and the real domain name format', async (t) => {
  const { provider, storeDir } = setup(t);
  const { ns, co, cr } = await app(provider);
  const uuid = ns.id.split('/')[1]!;
  assert.match(ns.id, /^fr-par\/[0-9a-f-]{36}$/);
  assert.equal(ns.outs.registryEndpoint, `rg.fr-par.scw.cloud/funcscwshop${uuid.slice(0, 8)}`);
  assert.equal(co.outs.domainName, `shop${uuid.slice(0, 8)}-api.functions.fnc.fr-par.scw.cloud`);
  assert.equal(co.outs.publicEndpoint, `https://${co.outs.domainName}`);
  assert.equal(co.outs.namespaceId, ns.id);
  for (const [key, value] of Object.entries({ minScale: 0, maxScale: 5, memoryLimitBytes: 2_048_000_000, cpuLimit: 1000, timeout: 300, sandbox: 'v2', localStorageLimitBytes: 1_000_000_000, port: 8080, status: 'ready', errorMessage: '' })) {
    assert.deepEqual(co.outs[key], value, key);
  }
  assert.deepEqual(co.outs.scalingOptions, [{ concurrentRequestsThreshold: 50 }]);
  assert.deepEqual(co.outs.livenessProbe, { failureThreshold: 30, interval: '10s', timeout: '1s', tcp: true });
  assert.equal(cr.outs.containerId, co.id);
  assert.equal(readCloud(storeDir).containers[co.id]?.deployments, 1);
});

test('the API rejects what the platform rejects, worded as scaleway-sdk-go through the bridge', async (t) => {
  const { provider } = setup(t);
  const ns = await create(provider, NS, { name: 'shop', region: 'fr-par' });
  const message = await failure(
    create(provider, CO, {
      name: 'api', namespaceId: ns.id, image: 'nginx:1', port: 8008, minScale: 0,
      environmentVariables: { PORT: '1' }, scalingOptions: [{ cpuUsageThreshold: 70, memoryUsageThreshold: 70 }],
    }),
  );
  assert.match(message, /^1 error occurred:\n\t\* creation container error: scaleway-sdk-go: invalid argument\(s\): /);
  assert.match(message, /port does not respect constraint, port 8008 is reserved by the platform/);
  assert.match(message, /environment_variables does not respect constraint, PORT is reserved/);
  assert.match(message, /scaling_option does not respect constraint, only one of/);
  assert.match(message, /need min_scale of 1 or more/);

  assert.match(await failure(create(provider, NS, { name: 'shop', region: 'fr-par' })), /http error 409 Conflict: namespace "shop" already exists/);
  assert.match(
    await failure(create(provider, CO, { name: 'api', region: 'nl-ams', namespaceId: ns.id, image: 'nginx:1' })),
    /scaleway-sdk-go: resource namespace with ID [0-9a-f-]{36} is not found/,
    'a namespace is looked up in the container\'s region',
  );
  assert.match(
    await failure(create(provider, CO, { name: 'pn', namespaceId: ns.id, image: 'nginx:1', privateNetworkId: 'nl-ams/11111111-1111-1111-1111-111111111111' })),
    /private network nl-ams\/.* is in nl-ams, not in the container's region fr-par/,
  );
});

test('crons: schedule checked, args must be a JSON object, no cron on a container in a transient state', async (t) => {
  const { provider, storeDir } = setup(t);
  const { co } = await app(provider);
  const bad = await provider.check!(CR, {}, { containerId: co.id, schedule: '61 * * * *', args: '{}' });
  assert.match(bad.failures?.[0]?.reason ?? '', /cron schedule "61 \* \* \* \*" is not valid/);
  const sixFields = await provider.check!(CR, {}, { containerId: co.id, schedule: '0 0 * * * *', args: '{}' });
  assert.match(sixFields.failures?.[0]?.reason ?? '', /expected exactly 5 fields, found 6/);
  assert.match(await failure(create(provider, CR, { name: 'x', containerId: co.id, schedule: '@hourly', args: '[1]' })), /invalid cron args: json: cannot unmarshal array/);

  await updateCloud(storeDir, (cloud) => {
    cloud.containers = { ...cloud.containers, [co.id]: { ...cloud.containers[co.id]!, status: 'updating' } };
  });
  assert.match(
    await failure(create(provider, CR, { name: 'y', containerId: co.id, schedule: '@hourly', args: '{}' })),
    /scaleway-sdk-go: resource container with ID [0-9a-f-]{36} is in a transient state: updating/,
  );
});

test('diffs follow the bridged provider: ForceNew replaces, Computed inputs left out keep their value', async (t) => {
  const { provider } = setup(t);
  const { co, cr } = await app(provider, { maxScale: 3, description: 'v1', secretEnvironmentVariables: secret({ KEY: 'one' }) });
  const inputs = { name: 'api', region: 'fr-par', namespaceId: co.outs.namespaceId, image: 'rg.fr-par.scw.cloud/x/api:v1', privacy: 'public', protocol: 'http1', maxScale: 3, description: 'v1', secretEnvironmentVariables: secret({ KEY: 'one' }) };
  const diff = (news: Props, urn = CO, olds = co.outs) => provider.diff!('', urn, olds, news);

  assert.deepEqual(await diff(inputs), { changes: false });
  assert.deepEqual(await diff({ ...inputs, maxScale: undefined }), { changes: false }, 'maxScale is Computed');
  assert.deepEqual(await diff({ ...inputs, description: undefined }), { changes: true }, 'description is not');
  assert.deepEqual(await diff({ ...inputs, name: 'api2' }), { changes: true, replaces: ['name'] });
  assert.deepEqual(await diff({ ...inputs, namespaceId: 'fr-par/00000000-0000-4000-8000-000000000000' }), { changes: true }, 'namespaceId is an update upstream, not a replacement');
  assert.deepEqual(await diff({ ...inputs, secretEnvironmentVariables: secret({ KEY: 'two' }) }), { changes: true });
  assert.deepEqual(await diff({ ...inputs, image: UNKNOWN }), { changes: true });
  assert.deepEqual(provider.detailedDiff(CO, co.outs, { ...inputs, name: 'api2', description: undefined, commands: ['run'] }), { name: 'update', description: 'delete', commands: 'add' });

  const cron = { name: 'nightly', region: 'fr-par', containerId: co.id, schedule: '0 2 * * *', args: '{"task":"report"}' };
  assert.deepEqual(await diff(cron, CR, cr.outs), { changes: false });
  assert.deepEqual(await diff({ ...cron, args: '{ "task": "report" }' }, CR, cr.outs), { changes: true }, 'non-canonical args differ from the read-back form on every run');
  assert.deepEqual(await diff({ ...cron, containerId: 'fr-par/00000000-0000-4000-8000-000000000000' }, CR, cr.outs), { changes: true }, 'containerId: no replacement unless the program asks');
});

test('updates apply in place; a cron containerId change never reaches the API (as upstream)', async (t) => {
  const { provider, storeDir } = setup(t);
  const { co, cr } = await app(provider);
  const outs = await provider.update!(co.id, CO, co.outs, { name: 'api', namespaceId: co.outs.namespaceId, image: 'rg.fr-par.scw.cloud/x/api:v2', privacy: 'public', protocol: 'http1', maxScale: 9 });
  assert.equal(outs.outs.image, 'rg.fr-par.scw.cloud/x/api:v2');
  assert.equal(outs.outs.maxScale, 9);
  assert.equal(readCloud(storeDir).containers[co.id]?.deployments, 2, 'an image change redeploys');

  const other = await create(provider, CO, { name: 'other', namespaceId: co.outs.namespaceId, image: 'nginx:1' });
  const cronOuts = await provider.update!(cr.id, CR, cr.outs, { name: 'nightly', containerId: other.id, schedule: '0 3 * * *', args: '{"task":"report"}' });
  assert.equal(cronOuts.outs.schedule, '0 3 * * *');
  assert.equal(cronOuts.outs.containerId, co.id, 'still on the first container');
});

test('deletes cascade like the platform, and reads report drift and disappearance', async (t) => {
  const { provider, storeDir } = setup(t);
  const { ns, co, cr } = await app(provider, { secretEnvironmentVariables: secret({ A: 'alpha', B: 'beta' }) });

  await updateCloud(storeDir, (cloud) => {
    const record = cloud.containers[co.id]!;
    cloud.containers = { ...cloud.containers, [co.id]: { ...record, maxScale: 9, secretEnvironmentVariables: { ...record.secretEnvironmentVariables, B: 'sha256:changed' } } };
  });
  const read = await provider.read!(co.id, CO, co.outs);
  assert.equal(read.id, co.id);
  assert.equal((read.props as Props).maxScale, 9);
  assert.deepEqual((read.props as Props).secretEnvironmentVariables, secret({ A: 'alpha' }), 'a secret changed in the cloud is dropped, so the next update sends it again');

  await provider.delete!(co.id, CO, co.outs);
  assert.deepEqual(await provider.read!(cr.id, CR, cr.outs), { id: '' }, "the container's cron went with it");
  await provider.delete!(cr.id, CR, cr.outs);
  await provider.delete!(ns.id, NS, ns.outs);

  const second = await app(provider);
  await provider.delete!(second.ns.id, NS, second.ns.outs);
  const cloud = readCloud(storeDir);
  assert.deepEqual([Object.keys(cloud.namespaces), Object.keys(cloud.containers), Object.keys(cloud.crons)], [[], [], []], 'the namespace took its container and cron along');
});

test('a type the sandbox does not simulate is refused by name', async (t) => {
  const { provider } = setup(t);
  const message = await failure(provider.check!('urn:pulumi:dev::proj::scaleway:index/objectBucket:ObjectBucket::b', {}, {}));
  assert.match(message, /the openmcf sandbox simulates only .*; scaleway:index\/objectBucket:ObjectBucket is not available in sandbox mode/);
});
