// Manifests of one run that read each other through valueFrom, through the built binary on the
// sandbox: the reader runs after the stack it reads, so the first apply works (it used to fail with
// "has no output domainName" and work on the second run); a cycle is invalid input naming the
// valueFrom of each manifest at its line and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, parseJson } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-run-order-');

function manifestText(name: string, reads?: string): string {
  const endpoint =
    reads === undefined
      ? '      value: rg.fr-par.scw.cloud/team'
      : `      valueFrom:\n        kind: ScalewayServerlessContainer\n        name: ${reads}\n        fieldPath: status.outputs.domainName`;
  return `apiVersion: scaleway.openmcf.org/v1
kind: ScalewayServerlessContainer
metadata:
  name: ${name}
  labels:
    pulumi.openmcf.org/organization: my-org
    pulumi.openmcf.org/project: my-project
    pulumi.openmcf.org/stack.name: dev.ScalewayServerlessContainer.${name}
spec:
  region: fr-par
  image:
    registryEndpoint:
${endpoint}
    name: ${name}
    tag: v1
  privacy: public
`;
}

test('a first preview of a reader and the stack it reads shows the read value as unknown, not an error', () => {
  const reader = home.file('reader.yaml', manifestText('reader', 'backend'));
  const backend = home.file('backend.yaml', manifestText('backend'));
  const result = home.run(['preview', '-f', reader, '-f', backend, '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const doc = parseJson<ResultDocument>(result.stdout);
  assert.deepEqual(
    doc.results.map((r) => [r.manifest.name, r.status]),
    [
      ['reader', 'changes-pending'],
      ['backend', 'changes-pending'],
    ],
    'results in the order given',
  );
  const image = doc.results[0]!.resources.find((r) => r.name === 'container')!.properties.find((p) => p.path === 'image');
  assert.deepEqual(image?.new, { unknown: true });
});

test('the first apply runs the read stack first, and the reader deploys its output', () => {
  const reader = home.file('reader.yaml', manifestText('reader', 'backend'));
  const backend = home.file('backend.yaml', manifestText('backend'));
  const result = home.run(['apply', '-f', reader, '-f', backend, '--sandbox', '--yes', '--parallel', '4']);
  assert.equal(result.code, 0, result.stderr);
  const containers = Object.values(home.cloud().containers);
  const backendDomain = containers.find((c) => c.name === 'backend')!.public_endpoint.replace(/^https:\/\//, '');
  assert.equal(containers.find((c) => c.name === 'reader')?.image, `${backendDomain}/reader:v1`);
  const again = home.run(['preview', '-f', reader, '-f', backend, '--sandbox', '--detailed-exitcode']);
  assert.equal(again.code, 0, again.stderr);
});

test('manifests that read each other in a cycle are invalid input naming both valueFrom', () => {
  const a = home.file('cycle-a.yaml', manifestText('cycle-a', 'cycle-b'));
  const b = home.file('cycle-b.yaml', manifestText('cycle-b', 'cycle-a'));
  const result = home.run(['apply', '-f', a, '-f', b, '--sandbox', '--yes']);
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, /read each other through valueFrom in a cycle/);
  assert.match(result.stderr, /cycle-a\.yaml:13:7: cycle-a reads stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.cycle-b/);
  assert.match(result.stderr, /cycle-b\.yaml:13:7: cycle-b reads stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.cycle-a/);
  assert.ok(!Object.values(home.cloud().containers).some((c) => c.name.startsWith('cycle-')), 'nothing created');
});

test('a saved plan of a reader and the stack it reads applies in order: the unknown read is taken as applied', () => {
  const reader = home.file('plan-reader.yaml', manifestText('plan-reader', 'plan-backend'));
  const backend = home.file('plan-backend.yaml', manifestText('plan-backend'));
  const plan = `${home.dir}/order.plan.json`;
  const saved = home.run(['preview', '-f', reader, '-f', backend, '--sandbox', '--save-plan', plan]);
  assert.equal(saved.code, 0, saved.stderr);
  const applied = home.run(['apply', '--plan', plan]);
  assert.equal(applied.code, 0, applied.stderr);
  const containers = Object.values(home.cloud().containers);
  const backendDomain = containers.find((c) => c.name === 'plan-backend')!.public_endpoint.replace(/^https:\/\//, '');
  assert.equal(containers.find((c) => c.name === 'plan-reader')?.image, `${backendDomain}/plan-reader:v1`);
});
