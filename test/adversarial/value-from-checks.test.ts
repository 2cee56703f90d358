// Finding 10 of issue 9: a value read through valueFrom skipped the checks a literal gets (an
// endpoint with `https://` was deployed). Through the binary, real engine, sandbox cloud: the
// referenced output is refused with the literal's message, naming the reference; nothing deployed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation/index.js';
import { CloudHome } from '../e2e/cloud-run.js';
import { engineBinary } from '../helpers/engine.js';
import { fixture } from './adversarial.js';

const home = new CloudHome('openmcf-adv-value-from-');

test('an endpoint with a scheme read through valueFrom is refused like a literal one, and nothing is created', async () => {
  mkdirSync(join(home.dir, 'sandbox', 'state'), { recursive: true });
  const pulumiCommand = await PulumiCommand.get({ root: join(engineBinary(), '..', '..'), skipVersionCheck: true });
  const registry = await LocalWorkspace.createOrSelectStack(
    {
      projectName: 'adversarial',
      stackName: 'organization/adversarial/dev.ScalewayContainerRegistry.team-registry',
      program: async () => ({ endpoint: 'https://rg.fr-par.scw.cloud/team-registry' }),
    },
    {
      pulumiCommand,
      envVars: { ...home.env(), PULUMI_CONFIG_PASSPHRASE: 'registry-passphrase' },
      projectSettings: { name: 'adversarial', runtime: 'nodejs', backend: { url: `file://${join(home.dir, 'sandbox', 'state')}` } },
    },
  );
  await registry.up();

  const result = home.run(['apply', '--sandbox', '--yes', '-f', fixture('value-from-endpoint.yaml')]);
  assert.equal(result.code, 3, result.stderr);
  assert.match(
    result.stderr,
    /spec\.image\.registryEndpoint\.valueFrom: output "endpoint" of stack my-org\/adversarial\/dev\.ScalewayContainerRegistry\.team-registry: must be a registry host with an optional path and no scheme/,
  );
  assert.match(result.stderr, /drop the scheme: `rg\.fr-par\.scw\.cloud\/team-registry`/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.deepEqual(Object.keys(home.cloud().containers), []);
});
