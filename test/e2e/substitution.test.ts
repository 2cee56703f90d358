import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_YAML, firstManifest, workspace } from './manifest-fixture.js';
import { runOpenmcf } from '../helpers/run-openmcf.js';

const WITH_VARIABLES =
  APP_YAML.replace('tag: latest', 'tag: ${IMAGE_TAG}').replace('port: 8080', 'port: ${PORT:-8080}') +
  `  description: "costs $\${PRICE} a month"
  env:
    secrets:
      - name: DATABASE_URL
        value: postgres://app:\${DB_PASSWORD}@db.internal:5432/orders
`;

test('an unset variable is invalid input at its line and column, naming the variable', () => {
  const cwd = workspace({ 'app.yaml': WITH_VARIABLES });
  const result = runOpenmcf(['validate', '-f', 'app.yaml'], { cwd, env: { DB_PASSWORD: 'x-pass-1' } });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /^app\.yaml:15:10: error: spec\.image\.tag: variable IMAGE_TAG is not set\n {2}export IMAGE_TAG, add it to the --env-file/m);
  // The other variables were fine: one error only.
  assert.match(result.stderr, /^1 error/m);
});

test('variables come from the environment; a default fills an unset one; $${ is a literal ${', () => {
  const cwd = workspace({ 'app.yaml': WITH_VARIABLES });
  const result = runOpenmcf(['load', '-f', 'app.yaml', '--json'], { cwd, env: { IMAGE_TAG: 'v1.4.0', DB_PASSWORD: 'x-pass-2' } });
  assert.equal(result.code, 0, result.stderr);
  const { spec } = firstManifest(result.stdout);
  assert.equal((spec.image as { tag: string }).tag, 'v1.4.0');
  assert.equal(spec.port, 8080); // typed as the schema's integer
  assert.equal(spec.description, 'costs ${PRICE} a month');
});

test('--env-file supplies variables, and the environment wins over it', () => {
  const cwd = workspace({ 'app.yaml': WITH_VARIABLES, 'ci.env': 'IMAGE_TAG=from-file\nPORT=9000\nDB_PASSWORD="file pass"\n' });
  const result = runOpenmcf(['load', '-f', 'app.yaml', '--json', '--env-file', 'ci.env'], { cwd, env: { IMAGE_TAG: 'from-env' } });
  assert.equal(result.code, 0, result.stderr);
  const { spec } = firstManifest(result.stdout);
  assert.equal((spec.image as { tag: string }).tag, 'from-env');
  assert.equal(spec.port, 9000);
});

test('a missing --env-file stops the run before anything is read, naming the file', () => {
  const cwd = workspace({ 'app.yaml': WITH_VARIABLES });
  const result = runOpenmcf(['validate', '-f', 'app.yaml', '--env-file', 'missing.env'], { cwd });
  // The binary runs as `node -- bin/openmcf.js` (its shebang does the same), so node leaves the
  // flag to openmcf instead of stopping with its own exit 9 (nodejs/node#54232).
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, /missing\.env: not found/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
});

test('a value set by --set needs no variable: --set wins over an unset ${VAR}', () => {
  const cwd = workspace({ 'app.yaml': WITH_VARIABLES });
  const result = runOpenmcf(['load', '-f', 'app.yaml', '--json', '--set', 'spec.image.tag=v9'], { cwd, env: { DB_PASSWORD: 'x-pass-3' } });
  assert.equal(result.code, 0, result.stderr);
  assert.equal((firstManifest(result.stdout).spec.image as { tag: string }).tag, 'v9');
});

test('a syntax error in the env file points at its line', () => {
  const cwd = workspace({ 'app.yaml': WITH_VARIABLES, 'bad.env': 'IMAGE_TAG=v1\nthis is not a pair\n' });
  const result = runOpenmcf(['validate', '-f', 'app.yaml', '--env-file', 'bad.env'], { cwd, env: { DB_PASSWORD: 'x' } });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /^bad\.env:2:1: error: expected NAME=value/m);
});

test('a secret filled by substitution is never printed, in any output, valid or not', () => {
  const password = 'Sup3r-S3cret-Pa55';
  const cwd = workspace({ 'app.yaml': WITH_VARIABLES, 'ci.env': `DB_PASSWORD=${password}\n` });
  const runs = [
    runOpenmcf(['validate', '-f', 'app.yaml', '--env-file', 'ci.env'], { cwd, env: { IMAGE_TAG: 'v1' } }),
    runOpenmcf(['validate', '-f', 'app.yaml', '--json', '--env-file', 'ci.env'], { cwd, env: { IMAGE_TAG: 'v1' } }),
    runOpenmcf(['load', '-f', 'app.yaml', '--env-file', 'ci.env'], { cwd, env: { IMAGE_TAG: 'v1' } }),
    runOpenmcf(['load', '-f', 'app.yaml', '--json', '--env-file', 'ci.env'], { cwd, env: { IMAGE_TAG: 'v1' } }),
    // Invalid runs, with annotations, where messages about the document are printed.
    runOpenmcf(['validate', '-f', 'app.yaml', '--env-file', 'ci.env', '--set', 'spec.env.secrets[0].name=PORT'], {
      cwd,
      env: { IMAGE_TAG: 'v1', GITHUB_ACTIONS: 'true' },
    }),
    runOpenmcf(['load', '-f', 'app.yaml', '--json', '--env-file', 'ci.env', '--set', `spec.env.secrets[0].value=${'y'.repeat(65537)}`], {
      cwd,
      env: { IMAGE_TAG: 'v1', GITHUB_ACTIONS: 'true' },
    }),
  ];
  assert.deepEqual(
    runs.map((r) => r.code),
    [0, 0, 0, 0, 3, 3],
  );
  for (const run of runs) {
    const output = run.stdout + run.stderr;
    assert.ok(!output.includes(password), `secret printed:\n${output}`);
    assert.ok(!output.includes('y'.repeat(1001)), 'a secret given by --set was printed');
  }
  // The check above would catch a leak: asking for secrets shows it.
  const shown = runOpenmcf(['load', '-f', 'app.yaml', '--show-secrets', '--env-file', 'ci.env'], { cwd, env: { IMAGE_TAG: 'v1' } });
  assert.equal(shown.code, 0, shown.stderr);
  assert.ok(shown.stdout.includes(`postgres://app:${password}@db.internal:5432/orders`));
});
