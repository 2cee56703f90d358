// valueFrom through the binary, real engine, sandbox cloud: a reference to a stack that does not
// exist stops the run before the engine starts (exit 3, nothing created); once the referenced
// stack exists, its output is what gets deployed (never an empty string, the original CLI's bug).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation/index.js';
import { CloudHome } from './cloud-run.js';
import { engineBinary } from '../helpers/engine.js';

const home = new CloudHome('openmcf-value-from-');

const MANIFEST = `apiVersion: scaleway.openmcf.org/v1
kind: ScalewayServerlessContainer
metadata:
  name: ref-api
  labels:
    pulumi.openmcf.org/organization: my-org
    pulumi.openmcf.org/project: my-project
    pulumi.openmcf.org/stack.name: dev.ScalewayServerlessContainer.ref-api
spec:
  region: fr-par
  image:
    registryEndpoint:
      valueFrom:
        kind: ScalewayContainerRegistry
        name: team-registry
    name: ref-api
    tag: v1
  privacy: public
`;

test('a valueFrom naming a stack that does not exist is invalid input, and nothing is created', () => {
  const file = home.file('ref-api.yaml', MANIFEST);
  const result = home.run(['apply', '--sandbox', '--yes', '-f', file]);
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, /spec\.image\.registryEndpoint\.valueFrom: stack my-org\/my-project\/dev\.ScalewayContainerRegistry\.team-registry does not exist/);
  assert.match(result.stderr, /deploy the ScalewayContainerRegistry "team-registry" \(environment dev\) first/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.deepEqual(Object.keys(home.cloud().containers), []);
});

test('a valueFrom reads the referenced stack output and deploys it', async () => {
  // The referenced resource's stack, as another OpenMCF run would have left it: same backend,
  // same organization and project, stack `<env>.<Kind>.<name>`, output `endpoint`.
  const pulumiCommand = await PulumiCommand.get({ root: join(engineBinary(), '..', '..'), skipVersionCheck: true });
  const registry = await LocalWorkspace.createOrSelectStack(
    {
      projectName: 'my-project',
      stackName: 'organization/my-project/dev.ScalewayContainerRegistry.team-registry',
      program: async () => ({ endpoint: 'rg.fr-par.scw.cloud/team-registry' }),
    },
    {
      pulumiCommand,
      envVars: { ...home.env(), PULUMI_CONFIG_PASSPHRASE: 'registry-passphrase' },
      projectSettings: { name: 'my-project', runtime: 'nodejs', backend: { url: `file://${join(home.dir, 'sandbox', 'state')}` } },
    },
  );
  await registry.up();

  const file = home.file('ref-api.yaml', MANIFEST);
  const result = home.run(['apply', '--sandbox', '--yes', '-f', file]);
  assert.equal(result.code, 0, result.stderr);
  const containers = Object.values(home.cloud().containers);
  assert.equal(containers.length, 1);
  assert.equal(containers[0]!.image, 'rg.fr-par.scw.cloud/team-registry/ref-api:v1');
});
