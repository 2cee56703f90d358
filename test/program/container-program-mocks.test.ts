// Runs the real program under Pulumi's mocks and checks what reaches the resource inputs: every
// mapped field, the secret map as a Pulumi secret, crons bound to the container and replaced with
// it, valueFrom read through stack references. (node --test runs this file in its own process, so
// the mocks do not leak into other tests.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as pulumi from '@pulumi/pulumi';
import type { MockResourceArgs } from '@pulumi/pulumi/runtime/index.js';
import { OpenmcfError } from '../../src/core/errors.js';
import { containerArgs, namespaceArgs } from '../../src/program/container-args.js';
import { createContainerProgram, declareContainer, type ContainerProgramOutputs } from '../../src/program/container-program.js';
import { resolveStackTarget } from '../../src/stack/stack-target.js';
import { fullManifest, manifest } from './manifest-fixture.js';

const CONTAINER_UUID = '33333333-3333-3333-3333-333333333333';
const NETWORK_UUID = '44444444-4444-4444-4444-444444444444';

interface Recorded {
  readonly resources: MockResourceArgs[];
  readonly replaceOnChanges: Map<string, string[]>;
}

/** Installs fresh mocks; referenced stacks answer with `stackOutputs`. */
async function installMocks(stackOutputs: Record<string, { outputs: Record<string, unknown>; secret?: string[] }> = {}): Promise<Recorded> {
  const recorded: Recorded = { resources: [], replaceOnChanges: new Map() };
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        recorded.resources.push(args);
        if (args.type === 'pulumi:pulumi:StackReference') {
          const stack = stackOutputs[String(args.inputs.name)];
          if (stack === undefined) throw new Error(`unknown stack ${String(args.inputs.name)}`);
          return { id: String(args.inputs.name), state: { name: args.inputs.name, outputs: stack.outputs, secretOutputNames: stack.secret ?? [] } };
        }
        const region = String(args.inputs.region);
        if (args.type === 'scaleway:containers/container:Container') {
          return {
            id: `${region}/${CONTAINER_UUID}`,
            state: { ...args.inputs, domainName: `ns-${args.inputs.name}.functions.fnc.${region}.scw.cloud`, status: 'ready', errorMessage: '' },
          };
        }
        return { id: `${region}/${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    'my-project',
    'dev.ScalewayServerlessContainer.order-api',
    false,
  );
  // Resource options are not part of MockResourceArgs: read them off the registration requests.
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(req: { getName(): string; getReplaceonchangesList(): string[] }, callback: unknown): unknown;
  };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    recorded.replaceOnChanges.set(req.getName(), req.getReplaceonchangesList());
    return register(req, callback);
  };
  return recorded;
}

function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

async function resolveAll(outputs: ContainerProgramOutputs): Promise<Record<string, string>> {
  const entries = await Promise.all(Object.entries(outputs).map(async ([key, value]) => [key, await resolved(value)] as const));
  return Object.fromEntries(entries);
}

/** Registrations are asynchronous: wait until `count` resources were seen. */
async function settled(recorded: Recorded, count: number): Promise<void> {
  for (let i = 0; i < 200 && recorded.resources.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(recorded.resources.length, count, `expected ${count} registrations, saw ${recorded.resources.map((r) => r.name).join(', ')}`);
}

function byType(recorded: Recorded, type: string): MockResourceArgs[] {
  return recorded.resources.filter((resource) => resource.type === type);
}

function unwrapSecret(value: unknown): unknown {
  assert.ok(pulumi.runtime.isRpcSecret(value), 'expected a Pulumi secret');
  return (value as { value: unknown }).value;
}

test('the program hands every mapped field to the resources, secrets as secrets', async () => {
  const recorded = await installMocks();
  const full = fullManifest();
  const outputs = await resolveAll(declareContainer(full));
  await settled(recorded, 4);

  const [namespace] = byType(recorded, 'scaleway:containers/namespace:Namespace');
  assert.deepEqual(namespace?.inputs, namespaceArgs(full));
  assert.ok(namespace?.inputs.tags.includes('planton-ai_organization=acme'));

  const [container] = byType(recorded, 'scaleway:containers/container:Container');
  assert.ok(container);
  const { secretEnvironmentVariables, namespaceId, ...inputs } = container.inputs as Record<string, unknown>;
  assert.equal(namespaceId, 'nl-ams/namespace-id');
  const { secretEnvironmentVariables: expectedSecrets, ...expected } = containerArgs(full);
  assert.deepEqual(inputs, expected);
  assert.deepEqual(unwrapSecret(secretEnvironmentVariables), expectedSecrets);

  const crons = byType(recorded, 'scaleway:containers/cron:Cron');
  assert.deepEqual(
    crons.map((cron) => [cron.name, cron.inputs]),
    [
      [
        'cron-hourly-sync',
        { name: 'hourly-sync', schedule: '0 * * * *', args: '{"source":"s3://input-bucket","task":"sync"}', region: 'nl-ams', containerId: `nl-ams/${CONTAINER_UUID}` },
      ],
      ['cron-1', { name: 'cron-1', schedule: '0 2 * * *', args: '{"format":"pdf","task":"report"}', region: 'nl-ams', containerId: `nl-ams/${CONTAINER_UUID}` }],
    ],
  );
  // Each cron is replaced, not updated, when its container is replaced.
  assert.deepEqual(recorded.replaceOnChanges.get('cron-hourly-sync'), ['containerId']);
  assert.deepEqual(recorded.replaceOnChanges.get('cron-1'), ['containerId']);
  assert.deepEqual(recorded.replaceOnChanges.get('container'), []);

  assert.deepEqual(outputs, {
    containerId: `nl-ams/${CONTAINER_UUID}`,
    namespaceId: 'nl-ams/namespace-id',
    domainName: 'ns-inference-grpc.functions.fnc.nl-ams.scw.cloud',
    url: 'https://ns-inference-grpc.functions.fnc.nl-ams.scw.cloud',
    status: 'ready',
    errorMessage: '',
  });
});

test('a manifest without secrets, crons or optional fields registers just the namespace and container', async () => {
  const recorded = await installMocks();
  await resolveAll(declareContainer(manifest()));
  await settled(recorded, 2);
  const [container] = byType(recorded, 'scaleway:containers/container:Container');
  assert.equal('secretEnvironmentVariables' in (container?.inputs ?? {}), false);
  assert.equal(container?.inputs.image, 'rg.fr-par.scw.cloud/my-registry/order-api:v1.4.0');
});

test('valueFrom fields are read through stack references, keeping secrecy of the referenced output', async () => {
  const recorded = await installMocks({
    'organization/my-project/dev.ScalewayContainerRegistry.my-registry': {
      outputs: { endpoint: 'rg.fr-par.scw.cloud/team-ns', namespace_id: 'fr-par/x', token: 'hidden' },
      secret: ['token'],
    },
    'organization/my-project/dev.ScalewayPrivateNetwork.core-net': {
      outputs: { private_network_id: NETWORK_UUID },
      secret: ['private_network_id'],
    },
  });
  const m = manifest({
    image: { registryEndpoint: { valueFrom: { name: 'my-registry' } }, name: 'order-api', tag: 'v2' },
    privateNetworkId: { valueFrom: { name: 'core-net' } },
  });
  const target = resolveStackTarget(m, { backend: { url: 'file:///tmp/state', kind: 'file' }, sandbox: false });
  await resolveAll((await createContainerProgram(m, { target })()) as ContainerProgramOutputs);
  await settled(recorded, 4);

  const refs = byType(recorded, 'pulumi:pulumi:StackReference')
    .map((ref) => ref.inputs.name)
    .sort();
  assert.deepEqual(refs, ['organization/my-project/dev.ScalewayContainerRegistry.my-registry', 'organization/my-project/dev.ScalewayPrivateNetwork.core-net']);

  const [container] = byType(recorded, 'scaleway:containers/container:Container');
  assert.ok(container);
  // Another secret output of the registry stack does not make the image secret...
  assert.equal(container.inputs.image, 'rg.fr-par.scw.cloud/team-ns/order-api:v2');
  // ...but a secret referenced output stays secret, and a bare uuid gets the region.
  assert.equal(unwrapSecret(container.inputs.privateNetworkId), `fr-par/${NETWORK_UUID}`);
});

test('an unresolvable reference fails the program before any resource is declared', async () => {
  const recorded = await installMocks({ 'organization/my-project/dev.ScalewayContainerRegistry.my-registry': { outputs: { namespace_id: 'fr-par/x' } } });
  const m = manifest({ image: { registryEndpoint: { valueFrom: { name: 'my-registry' } }, name: 'order-api', tag: 'v2' } });
  const target = resolveStackTarget(m, { backend: { url: 'file:///tmp/state', kind: 'file' }, sandbox: false });
  await assert.rejects(createContainerProgram(m, { target })(), (error: unknown) => {
    assert.ok(pulumi.RunError.isInstance(error), 'reported by the engine without a stack trace');
    assert.ok(error instanceof OpenmcfError && error.exitCode === 3, 'still an input error for the command');
    assert.match(
      String((error as Error).message),
      /spec\.image\.registryEndpoint\.valueFrom: stack my-org\/my-project\/dev\.ScalewayContainerRegistry\.my-registry has no output "endpoint"/,
    );
    return true;
  });
  assert.deepEqual(
    recorded.resources.map((resource) => resource.type),
    ['pulumi:pulumi:StackReference'],
  );
});

test('a manifest with valueFrom needs a target, and never deploys an empty image', async () => {
  const m = manifest({ image: { registryEndpoint: { valueFrom: { name: 'r' } }, name: 'a', tag: 'b' } });
  await assert.rejects(createContainerProgram(m)(), /needs options\.target/);
  assert.throws(() => declareContainer(m), /resolve it first/);
});

test("the namespace and the container carry the stack's owner tag after the original's tags; crons have none to carry", async () => {
  const recorded = await installMocks();
  await resolveAll(declareContainer(fullManifest(), {}, undefined, undefined, 'acme/my-project/dev.ScalewayServerlessContainer.inference-grpc'));
  await settled(recorded, 4);
  const owner = 'openmcf.org/stack=acme/my-project/dev.ScalewayServerlessContainer.inference-grpc';
  for (const type of ['scaleway:containers/namespace:Namespace', 'scaleway:containers/container:Container']) {
    const tags = byType(recorded, type)[0]?.inputs.tags as string[];
    assert.deepEqual(tags, [...namespaceArgs(fullManifest()).tags, owner], type);
  }
  for (const cron of byType(recorded, 'scaleway:containers/cron:Cron')) assert.equal(cron.inputs.tags, undefined);
});
