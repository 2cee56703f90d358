import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeValueFromRefs, outputCandidates, resolveValueFrom, valueFromStackMissing } from '../../src/program/value-from.js';
import { resolveStackTarget } from '../../src/stack/stack-target.js';
import { manifest } from './manifest-fixture.js';
import { inputError } from '../helpers/input-error.js';

const FILE_BACKEND = { url: 'file:///tmp/state', kind: 'file' as const };
const CLOUD_BACKEND = { url: 'https://api.pulumi.com', kind: 'cloud' as const };

const withRefs = manifest({
  region: 'fr-par',
  image: { registryEndpoint: { valueFrom: { name: 'my-registry' } }, name: 'order-api', tag: 'v1' },
  privateNetworkId: { valueFrom: { kind: 'ScalewayPrivateNetwork', env: 'shared', name: 'core-net', fieldPath: 'status.outputs.private_network_id' } },
});

test('references follow <env>.<Kind>.<name> in the same organization and project', () => {
  const target = resolveStackTarget(withRefs, { backend: FILE_BACKEND, sandbox: false });
  const [registry, network] = describeValueFromRefs(withRefs, target);
  assert.deepEqual(registry, {
    field: 'spec.image.registryEndpoint',
    kind: 'ScalewayContainerRegistry',
    env: 'dev',
    name: 'my-registry',
    stack: 'dev.ScalewayContainerRegistry.my-registry',
    stackName: 'organization/my-project/dev.ScalewayContainerRegistry.my-registry',
    displayStackName: 'my-org/my-project/dev.ScalewayContainerRegistry.my-registry',
    outputName: 'endpoint',
    outputPath: [],
  });
  assert.equal(network?.stack, 'shared.ScalewayPrivateNetwork.core-net');
  assert.equal(network?.outputName, 'private_network_id');
});

test('on Pulumi Cloud the reference uses the real organization', () => {
  const target = resolveStackTarget(withRefs, { backend: CLOUD_BACKEND, sandbox: false });
  assert.equal(describeValueFromRefs(withRefs, target)[0]?.stackName, 'my-org/my-project/dev.ScalewayContainerRegistry.my-registry');
});

test('literal values need no reference', () => {
  const plain = manifest();
  assert.deepEqual(describeValueFromRefs(plain, resolveStackTarget(plain, { backend: FILE_BACKEND, sandbox: false })), []);
});

test('the private network defaults to the private_network_id output; fieldPath may be bare or nested', () => {
  const m = manifest({
    privateNetworkId: { valueFrom: { name: 'net' } },
    image: { registryEndpoint: { valueFrom: { name: 'reg', fieldPath: 'registry.url' } }, name: 'a', tag: 'b' },
  });
  const [registry, network] = describeValueFromRefs(m, resolveStackTarget(m, { backend: FILE_BACKEND, sandbox: false }));
  assert.equal(network?.outputName, 'private_network_id');
  assert.equal(network?.kind, 'ScalewayPrivateNetwork');
  assert.equal(registry?.outputName, 'registry');
  assert.deepEqual(registry?.outputPath, ['url']);
});

test('env cannot be guessed from a stack name without an environment segment', () => {
  const m = manifest(
    { image: { registryEndpoint: { valueFrom: { name: 'reg' } }, name: 'a', tag: 'b' } },
    { labels: { 'pulumi.openmcf.org/stack.fqdn': 'my-org/my-project/prod' } },
  );
  const target = resolveStackTarget(m, { backend: FILE_BACKEND, sandbox: false });
  assert.throws(() => describeValueFromRefs(m, target), inputError('value-from-invalid', /spec\.image\.registryEndpoint\.valueFrom\.env is required/));
});

test('an unknown kind needs a fieldPath', () => {
  const m = manifest({ image: { registryEndpoint: { valueFrom: { kind: 'SomethingElse', name: 'x' } }, name: 'a', tag: 'b' } });
  const target = resolveStackTarget(m, { backend: FILE_BACKEND, sandbox: false });
  assert.throws(() => describeValueFromRefs(m, target), inputError('value-from-invalid', /fieldPath is required for kind SomethingElse/));
});

test('resolution reads the output, accepting camelCase or snake_case spellings', () => {
  const target = resolveStackTarget(withRefs, { backend: FILE_BACKEND, sandbox: false });
  const [registry, network] = describeValueFromRefs(withRefs, target);
  assert.ok(registry && network);
  assert.equal(resolveValueFrom(registry, { endpoint: 'rg.fr-par.scw.cloud/ns' }, 'fr-par'), 'rg.fr-par.scw.cloud/ns');
  const uuid = '22222222-2222-2222-2222-222222222222';
  assert.equal(resolveValueFrom(network, { privateNetworkId: uuid }, 'fr-par'), `fr-par/${uuid}`);
  assert.equal(resolveValueFrom(network, { private_network_id: `fr-par/${uuid}` }, 'fr-par'), `fr-par/${uuid}`);
  assert.deepEqual(outputCandidates('private_network_id'), ['private_network_id', 'privateNetworkId']);
  assert.deepEqual(outputCandidates('privateNetworkId'), ['privateNetworkId', 'private_network_id']);
});

test('an unresolvable reference is an error naming the field, the stack and the output, never an empty string', () => {
  const target = resolveStackTarget(withRefs, { backend: FILE_BACKEND, sandbox: false });
  const [registry, network] = describeValueFromRefs(withRefs, target);
  assert.ok(registry && network);
  assert.throws(
    () => resolveValueFrom(registry, { namespace_id: 'fr-par/x' }, 'fr-par'),
    inputError('value-from-unresolved', /spec\.image\.registryEndpoint\.valueFrom: stack my-org\/my-project\/dev\.ScalewayContainerRegistry\.my-registry has no output "endpoint"/),
  );
  assert.throws(() => resolveValueFrom(registry, { endpoint: '' }, 'fr-par'), inputError('value-from-unresolved', /empty string/));
  assert.throws(() => resolveValueFrom(registry, { endpoint: 42 }, 'fr-par'), inputError('value-from-unresolved', /a number/));
  assert.throws(
    () => resolveValueFrom(network, { private_network_id: 'nl-ams/22222222-2222-2222-2222-222222222222' }, 'fr-par'),
    inputError('value-from-invalid', /spec\.privateNetworkId\.valueFrom: output "private_network_id" of stack .*core-net: the private network is in `nl-ams`.*`fr-par`/),
  );
  // The checks a literal value gets: a scheme on an endpoint is refused, naming the reference.
  assert.throws(
    () => resolveValueFrom(registry, { endpoint: 'https://rg.fr-par.scw.cloud/ns' }, 'fr-par'),
    inputError(
      'value-from-invalid',
      /^spec\.image\.registryEndpoint\.valueFrom: output "endpoint" of stack my-org\/my-project\/dev\.ScalewayContainerRegistry\.my-registry: must be a registry host .*\(got "https:\/\/rg\.fr-par\.scw\.cloud\/ns"\)$/,
      (error) => assert.match(error.hint ?? '', /drop the scheme/),
    ),
  );
  assert.throws(() => resolveValueFrom(network, { private_network_id: 'not-a-network' }, 'fr-par'), inputError('value-from-invalid', /must be `\{region\}\/\{uuid\}` or a UUID/));
  // A secret output is never quoted, not even through a hint.
  assert.throws(
    () => resolveValueFrom(registry, { endpoint: 'https://S3cret-host.example' }, 'fr-par', { secret: true }),
    inputError('value-from-invalid', /\(a secret, not shown\): must be a registry host/, (error) => {
      assert.doesNotMatch(`${error.message} ${error.hint ?? ''}`, /S3cret/);
    }),
  );
  const missing = valueFromStackMissing(registry);
  assert.equal(missing.exitCode, 3);
  assert.match(missing.message, /stack my-org\/my-project\/dev\.ScalewayContainerRegistry\.my-registry does not exist/);
  assert.match(missing.hint ?? '', /deploy the ScalewayContainerRegistry "my-registry"/);
});

test('a nested fieldPath walks into the output value', () => {
  const m = manifest({ image: { registryEndpoint: { valueFrom: { name: 'reg', fieldPath: 'status.outputs.registry.url' } }, name: 'a', tag: 'b' } });
  const [ref] = describeValueFromRefs(m, resolveStackTarget(m, { backend: FILE_BACKEND, sandbox: false }));
  assert.ok(ref);
  assert.equal(resolveValueFrom(ref, { registry: { url: 'rg.nl-ams.scw.cloud/x' } }, 'fr-par'), 'rg.nl-ams.scw.cloud/x');
  assert.throws(() => resolveValueFrom(ref, { registry: { other: 1 } }, 'fr-par'), inputError('value-from-unresolved', /"registry\.url"/));
});
