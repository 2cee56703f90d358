// The secrets of the sandbox's own state: new stacks use Pulumi's hashivault secrets provider
// against the local API's transit key (src/sandbox/secrets-key.ts), through the real engine;
// stacks made with the passphrase provider keep working; `openmcf sandbox api` serves the same
// key to other tools.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, EXAMPLE_SECRETS, manifest, waitUntil } from './cloud-run.js';
import { sandboxTransitKey } from '../../src/sandbox/secrets-key.js';

const home = new CloudHome('openmcf-sandbox-secrets-');

interface Checkpoint {
  checkpoint: { latest: { secrets_providers?: { type: string; state: { url?: string; encryptedkey?: string; salt?: string } } } };
}

function checkpointOf(stack: string): Checkpoint {
  const dir = join(home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'my-project');
  return JSON.parse(readFileSync(join(dir, `${stack}.json`), 'utf8')) as Checkpoint;
}

function stateText(): string {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? walk(join(dir, entry)) : [readFileSync(join(dir, entry), 'latin1')]));
  return walk(join(home.dir, 'sandbox', 'state')).join('\n');
}

test("a new sandbox stack keeps its secrets under the local API's transit key; the engine reopens them on the next run", () => {
  const applied = home.run(['apply', '-f', manifest('order-api'), '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  const providers = checkpointOf('dev.ScalewayServerlessContainer.order-api').checkpoint.latest.secrets_providers;
  assert.equal(providers?.type, 'cloud');
  assert.equal(providers?.state.url, 'hashivault://openmcf-sandbox');
  assert.match(Buffer.from(providers?.state.encryptedkey ?? '', 'base64').toString(), /^vault:v1:/, 'the data key is stored wrapped');
  const text = stateText();
  for (const secret of EXAMPLE_SECRETS.slice(0, 2)) assert.ok(!text.includes(secret), 'no env.secrets value in plaintext state');

  // Reading the state's secrets back (the container's secret environment) needs the data key.
  const previewed = home.run(['preview', '-f', manifest('order-api'), '--sandbox', '--detailed-exitcode']);
  assert.equal(previewed.code, 0, previewed.stderr);
  const changed = home.run(['preview', '-f', manifest('order-api'), '--sandbox', '--detailed-exitcode', '--set', 'spec.env.secrets[1].value=sk-rotated-value']);
  assert.equal(changed.code, 2, 'a changed secret is seen, so the old one was decrypted');
  assert.match(changed.stderr + changed.stdout, /spec\.env\.secrets\.API_KEY: \(secret value changed, hidden\)/);
  assert.ok(!(changed.stderr + changed.stdout).includes('sk-rotated-value'));
});

test('a sandbox stack made with the passphrase provider still opens in the sandbox', () => {
  // `--backend` naming the sandbox's own folder is a backend the user named: the passphrase
  // provider, with the sandbox's passphrase given, as sandbox stacks were made before the transit key.
  const backend = `file://${join(home.dir, 'sandbox', 'state')}`;
  const passphrase = readFileSync(join(home.dir, 'sandbox', 'passphrase'), 'utf8').trim();
  const made = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--backend', backend, '--yes'], { env: { PULUMI_CONFIG_PASSPHRASE: passphrase } });
  assert.equal(made.code, 0, made.stderr);
  assert.equal(checkpointOf('dev.ScalewayServerlessContainer.my-api').checkpoint.latest.secrets_providers?.type, 'passphrase');

  const previewed = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '--detailed-exitcode']);
  assert.equal(previewed.code, 0, previewed.stderr);
  const updated = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.image.tag=v2']);
  assert.equal(updated.code, 0, updated.stderr);
  assert.equal(checkpointOf('dev.ScalewayServerlessContainer.my-api').checkpoint.latest.secrets_providers?.type, 'passphrase', 'the stack keeps its provider');
});

test('openmcf sandbox api serves the transit key to other tools, with the token derived from the sandbox passphrase', async () => {
  const wrapped = checkpointOf('dev.ScalewayServerlessContainer.order-api').checkpoint.latest.secrets_providers?.state.encryptedkey ?? '';
  const key = sandboxTransitKey(readFileSync(join(home.dir, 'sandbox', 'passphrase'), 'utf8').trim());
  const api = home.start(['sandbox', 'api']);
  try {
    await waitUntil(
      () => /^http:\/\/127\.0\.0\.1:\d+\n/.test(api.stdout),
      30_000,
      () => `no URL on stdout: ${api.stdout} ${api.stderr}`,
    );
    const url = api.stdout.split('\n')[0]!;
    const decrypt = (token: string): Promise<Response> =>
      fetch(`${url}/v1/transit/decrypt/openmcf-sandbox`, {
        method: 'PUT',
        headers: { 'X-Vault-Token': token },
        body: JSON.stringify({ ciphertext: Buffer.from(wrapped, 'base64').toString() }),
      });
    const opened = await decrypt(key.token);
    assert.equal(opened.status, 200);
    assert.equal(Buffer.from(((await opened.json()) as { data: { plaintext: string } }).data.plaintext, 'base64').length, 32, "the stack's 32-byte data key");
    assert.equal((await decrypt('not-the-token')).status, 403);
    await api.waitFor(/PUT \/v1\/transit\/decrypt\/openmcf-sandbox 200/);
    assert.ok(!api.stderr.includes(key.token) && !api.stdout.includes(key.token), 'the token is never printed');
  } finally {
    api.signal('SIGINT');
    await api.done;
  }
});
