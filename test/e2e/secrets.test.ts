// No secret value of a manifest appears in plain text in stdout, stderr, the JSON documents or
// the Pulumi state, whatever the command does: apply, a preview that changes a secret, a failure,
// outputs (even --show-secrets, as no output is made of them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, EXAMPLE_SECRETS, manifest, type CloudRun } from './cloud-run.js';

const home = new CloudHome('openmcf-secrets-');
const CHANGED_SECRET = 'rotated-db-password-7f3a';
const SECRETS = [...EXAMPLE_SECRETS, CHANGED_SECRET, encodeURIComponent(EXAMPLE_SECRETS[0]!)];
const runs: CloudRun[] = [];

function run(args: string[], env: Record<string, string> = {}): CloudRun {
  const result = home.run(args, { env });
  runs.push(result);
  return result;
}

test('secrets never appear in output or state in plain text', () => {
  const files = ['-f', manifest('order-api'), '-f', manifest('data-pipeline'), '-f', manifest('inference-grpc')];
  const applied = run(['apply', ...files, '--sandbox', '--yes', '--json']);
  assert.equal(applied.code, 0, applied.stderr);

  const previewed = run(['preview', '-f', manifest('order-api'), '--sandbox', '--json', '--set', `spec.env.secrets[0].value=${CHANGED_SECRET}`]);
  assert.equal(previewed.code, 0, previewed.stderr);
  assert.match(previewed.stderr, /~ spec\.env\.secrets(\.DATABASE_URL)?: \(secret value changed, hidden\)/, 'the secret change is shown, its value hidden');

  const failed = run(['apply', '-f', manifest('order-api'), '--sandbox', '--yes', '--json', '--set', `spec.env.secrets[0].value=${CHANGED_SECRET}`], {
    OPENMCF_SANDBOX_FAULTS: 'update:Container=500',
  });
  assert.equal(failed.code, 1, failed.stderr);

  const updated = run(['apply', '-f', manifest('order-api'), '--sandbox', '--yes', '--set', `spec.env.secrets[0].value=${CHANGED_SECRET}`]);
  assert.equal(updated.code, 0, updated.stderr);
  assert.match(updated.stderr, /~ updated container/);

  const outputs = run(['outputs', ...files, '--sandbox', '--json', '--show-secrets']);
  assert.equal(outputs.code, 0, outputs.stderr);

  for (const [index, result] of runs.entries()) {
    for (const secret of SECRETS) {
      assert.ok(!result.stdout.includes(secret), `run ${index} printed ${secret} on stdout`);
      assert.ok(!result.stderr.includes(secret), `run ${index} printed ${secret} on stderr`);
    }
  }
  const state = home.stateFiles();
  assert.ok(
    state.some((f) => f.text.includes('secretEnvironmentVariables')),
    'the state was read',
  );
  for (const file of state) {
    for (const secret of SECRETS) assert.ok(!file.text.includes(secret), `${file.path} holds ${secret} in plain text`);
  }
});
