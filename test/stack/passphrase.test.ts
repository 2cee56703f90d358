import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenmcfError } from '../../src/core/errors.js';
import { sandboxTransitKey } from '../../src/sandbox/secrets-key.js';
import { prepareSecretsProvider } from '../../src/stack/passphrase.js';

async function home(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'openmcf-passphrase-'));
}

test('self-managed backend without a passphrase: one is generated once, 0600, with a notice the first time only', async () => {
  const openmcfHome = await home();
  const first = await prepareSecretsProvider({ backendKind: 'file', env: {}, openmcfHome, sandbox: false });
  const path = join(openmcfHome, 'passphrase');
  const stored = await readFile(path, 'utf8');
  assert.equal((await stat(path)).mode & 0o777, 0o600);
  assert.ok(stored.length >= 32);
  assert.deepEqual(first.envVars, { PULUMI_CONFIG_PASSPHRASE: stored });
  assert.equal(first.secretsProvider, 'passphrase');
  assert.match(first.notice ?? '', new RegExp(`saved it in ${path}`));
  assert.equal(first.notice?.includes(stored), false, 'the notice names the file, not the passphrase');
  assert.equal(first.secrets.mask(stored), '[secret]');

  const second = await prepareSecretsProvider({ backendKind: 'self-managed', env: {}, openmcfHome, sandbox: false });
  assert.deepEqual(second.envVars, { PULUMI_CONFIG_PASSPHRASE: stored });
  assert.equal(second.notice, undefined);
});

test('concurrent first runs agree on one passphrase', async () => {
  const openmcfHome = await home();
  const runs = await Promise.all(Array.from({ length: 8 }, () => prepareSecretsProvider({ backendKind: 'file', env: {}, openmcfHome, sandbox: false })));
  const values = new Set(runs.map((run) => run.envVars.PULUMI_CONFIG_PASSPHRASE));
  assert.equal(values.size, 1);
  assert.equal(runs.filter((run) => run.notice !== undefined).length, 1);
});

test("the user's own passphrase settings are left alone", async () => {
  const openmcfHome = await home();
  const own = await prepareSecretsProvider({ backendKind: 'file', env: { PULUMI_CONFIG_PASSPHRASE: 'correct horse battery' }, openmcfHome, sandbox: false });
  const { secrets, ...setup } = own;
  assert.deepEqual(setup, { envVars: {}, secretsProvider: 'passphrase' });
  assert.equal(secrets.mask('pw correct horse battery'), 'pw [secret]');
  const empty = await prepareSecretsProvider({ backendKind: 'file', env: { PULUMI_CONFIG_PASSPHRASE: '' }, openmcfHome, sandbox: false });
  assert.deepEqual(empty.envVars, {}, 'an empty passphrase is a valid choice');
  const file = await prepareSecretsProvider({ backendKind: 'self-managed', env: { PULUMI_CONFIG_PASSPHRASE_FILE: '/run/secrets/pp' }, openmcfHome, sandbox: false });
  assert.deepEqual(file.envVars, {});
  await assert.rejects(stat(join(openmcfHome, 'passphrase')), 'no file generated');
});

test('Pulumi Cloud keeps its own secrets provider', async () => {
  const { secrets, ...setup } = await prepareSecretsProvider({ backendKind: 'cloud', env: {}, openmcfHome: await home(), sandbox: false });
  assert.deepEqual(setup, { envVars: {}, secretsProvider: undefined });
  assert.equal(secrets.size, 0, 'no passphrase, no secret');
});

test('sandbox uses its own passphrase under the sandbox folder, overriding the user one', async () => {
  const openmcfHome = await home();
  const setup = await prepareSecretsProvider({ backendKind: 'file', env: { PULUMI_CONFIG_PASSPHRASE: 'real-one' }, openmcfHome, sandbox: true });
  const stored = await readFile(join(openmcfHome, 'sandbox', 'passphrase'), 'utf8');
  assert.deepEqual(setup.envVars, { PULUMI_CONFIG_PASSPHRASE: stored });
  assert.notEqual(stored, 'real-one');
  // New sandbox stacks take the local API's transit key, derived from that passphrase.
  assert.equal(setup.secretsProvider, 'hashivault://openmcf-sandbox');
  assert.deepEqual(setup.sandboxTransit, sandboxTransitKey(stored));
  assert.equal(setup.secrets.mask(`${stored} ${sandboxTransitKey(stored).token}`), '[secret] [secret]', 'the passphrase and the transit token are returned for the redactor');
  // A sandbox run on a backend the user named keeps the passphrase provider: other runners
  // sharing that backend need nothing but the passphrase.
  const { secrets: sharedSecrets, ...shared } = await prepareSecretsProvider({ backendKind: 'file', env: {}, openmcfHome, sandbox: true, sandboxOnUserBackend: true });
  assert.deepEqual(shared, { envVars: { PULUMI_CONFIG_PASSPHRASE: stored }, secretsProvider: 'passphrase' });
  assert.equal(sharedSecrets.mask(stored), '[secret]');
  const custom = join(openmcfHome, 'elsewhere');
  await prepareSecretsProvider({ backendKind: 'file', env: {}, openmcfHome, sandbox: true, sandboxHome: custom });
  assert.ok((await stat(join(custom, 'passphrase'))).isFile());
});

test('an empty passphrase file is an input error, not a silent new passphrase', async () => {
  const openmcfHome = await home();
  await writeFile(join(openmcfHome, 'passphrase'), '\n');
  await assert.rejects(
    prepareSecretsProvider({ backendKind: 'file', env: {}, openmcfHome, sandbox: false }),
    (error: unknown) => error instanceof OpenmcfError && error.exitCode === 3 && error.code === 'passphrase-empty',
  );
});
