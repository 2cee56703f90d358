// Saved plans through the built binary, real engine and provider, sandbox cloud: the plan a
// preview saved is applied as it is, without a new preview; a manifest or a state that moved since
// refuses it (exit 1, plan-stale, nothing changed); secrets are in the plan only encrypted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, EXAMPLE_SECRETS, manifest, parseJson } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-saved-plan-');
const MY_API = readFileSync(manifest('my-api'), 'utf8');

function container(name: string): { image: string; min_scale: number } | undefined {
  return Object.values(home.cloud().containers).find((c) => c.name === name);
}

test('apply --plan applies the saved plan without a new preview or a question', () => {
  const file = home.file('plan-api.yaml', MY_API.replace(/name: my-api$/m, 'name: plan-api').replaceAll('.my-api', '.plan-api'));
  const plan = join(home.dir, 'plan-api.plan.json');
  const preview = home.run(['preview', '-f', file, '--sandbox', '--set', 'spec.minScale=1', '--save-plan', plan]);
  assert.equal(preview.code, 0, preview.stderr);
  assert.match(preview.stderr, new RegExp(`plan saved to ${plan}: apply exactly this with \`openmcf apply --plan ${plan}\``));
  assert.equal(container('plan-api'), undefined, 'the preview changed nothing');
  const saved = parseJson<{ apiVersion: string; inputs: { set: unknown[] }; stacks: Array<{ stack: string; changes: { create: number } }> }>(readFileSync(plan, 'utf8'));
  assert.equal(saved.apiVersion, 'openmcf.org/plan/v1');
  assert.deepEqual(saved.inputs.set, [{ flag: 'spec.minScale=1' }]);
  assert.deepEqual(
    saved.stacks.map((s) => [s.stack, s.changes.create]),
    [['my-org/my-project/dev.ScalewayServerlessContainer.plan-api', 2]],
  );

  // No terminal and no --yes: a plan needs no question.
  const applied = home.run(['apply', '--plan', plan, '--json']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.doesNotMatch(applied.stderr, /Preview of/, 'no new preview');
  const result = parseJson<ResultDocument>(applied.stdout);
  assert.deepEqual(
    result.results.map((r) => [r.manifest.name, r.status, r.changes.create]),
    [['plan-api', 'succeeded', 2]],
  );
  assert.equal(container('plan-api')?.min_scale, 1, 'the --set the plan was saved with');
});

test('a manifest changed since the plan was saved: refused, plan-stale, nothing changed', () => {
  const text = MY_API.replace(/name: my-api$/m, 'name: edit-api').replaceAll('.my-api', '.edit-api');
  const file = home.file('edit-api.yaml', text);
  assert.equal(home.run(['apply', '-f', file, '--sandbox', '--yes']).code, 0);
  const plan = join(home.dir, 'edit-api.plan.json');
  assert.equal(home.run(['preview', '-f', file, '--sandbox', '--set', 'spec.image.tag=v2', '--save-plan', plan]).code, 0);
  home.file('edit-api.yaml', text.replace('port: 8080', 'port: 8081'));

  const applied = home.run(['apply', '--plan', plan, '--json']);
  assert.equal(applied.code, 1, applied.stderr);
  const result = parseJson<ResultDocument>(applied.stdout);
  assert.equal(result.error?.code, 'plan-stale');
  assert.match(result.error?.message ?? '', /edit-api\.yaml: the manifest file changed since the plan was saved/);
  assert.match(applied.stderr, /save a new plan with `openmcf preview \.\.\. --save-plan <file>`/);
  assert.equal(container('edit-api')?.image, 'rg.fr-par.scw.cloud/my-registry/my-api:latest', 'nothing was applied');
});

test('an input changed since (a ${VAR} value): refused as stale', () => {
  const file = home.file(
    'var-api.yaml',
    MY_API.replace(/name: my-api$/m, 'name: var-api')
      .replaceAll('.my-api', '.var-api')
      .replace('tag: latest', 'tag: ${VAR_API_TAG}'),
  );
  const plan = join(home.dir, 'var-api.plan.json');
  assert.equal(home.run(['preview', '-f', file, '--sandbox', '--save-plan', plan], { env: { VAR_API_TAG: 'v1' } }).code, 0);
  const applied = home.run(['apply', '--plan', plan], { env: { VAR_API_TAG: 'v2' } });
  assert.equal(applied.code, 1, applied.stderr);
  assert.match(applied.stderr, /var-api: the inputs changed since the plan was saved/);
  assert.equal(container('var-api'), undefined);
});

test('the state changed since (another apply in between): refused, and that apply stays', () => {
  const file = home.file('race-api.yaml', MY_API.replace(/name: my-api$/m, 'name: race-api').replaceAll('.my-api', '.race-api'));
  assert.equal(home.run(['apply', '-f', file, '--sandbox', '--yes']).code, 0);
  const plan = join(home.dir, 'race-api.plan.json');
  assert.equal(home.run(['preview', '-f', file, '--sandbox', '--set', 'spec.minScale=2', '--save-plan', plan]).code, 0);
  assert.equal(home.run(['apply', '-f', file, '--sandbox', '--yes', '--set', 'spec.minScale=3']).code, 0);

  const applied = home.run(['apply', '--plan', plan, '--json']);
  assert.equal(applied.code, 1, applied.stderr);
  assert.equal(parseJson<ResultDocument>(applied.stdout).error?.code, 'plan-stale');
  assert.match(applied.stderr, /stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.race-api: the state changed since the plan was saved/);
  assert.equal(container('race-api')?.min_scale, 3, 'the other apply is kept');
});

test('secrets are in the plan only encrypted, and apply --plan deploys them', () => {
  const plan = join(home.dir, 'order-api.plan.json');
  const preview = home.run(['preview', '-f', manifest('order-api'), '--sandbox', '--save-plan', plan]);
  assert.equal(preview.code, 0, preview.stderr);
  const text = readFileSync(plan, 'utf8');
  for (const secret of EXAMPLE_SECRETS) assert.ok(!text.includes(secret), `the plan holds a secret in plain text: ${secret}`);
  assert.match(text, /"ciphertext"/, 'the engine plan holds the secret inputs encrypted');
  const applied = home.run(['apply', '--plan', plan]);
  assert.equal(applied.code, 0, applied.stderr);
  for (const secret of EXAMPLE_SECRETS) assert.ok(!applied.stderr.includes(secret) && !applied.stdout.includes(secret));
  assert.ok(container('order-api'));
});

test('apply -f and --plan cannot be mixed (exit 3); a missing plan file is invalid input', () => {
  const mixed = home.run(['apply', '--plan', 'plan.json', '-f', manifest('my-api'), '--sandbox', '--json']);
  assert.equal(mixed.code, 3, mixed.stderr);
  assert.match(mixed.stderr, /--plan cannot be used with -f\/--file/);
  assert.equal(parseJson<ResultDocument>(mixed.stdout).error?.code, 'flag.plan');
  const missing = home.run(['apply', '--plan', join(home.dir, 'no-such-plan.json')]);
  assert.equal(missing.code, 3, missing.stderr);
  assert.match(missing.stderr, /cannot read the plan file .*no-such-plan\.json: ENOENT/);
});
