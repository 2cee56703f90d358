// The local API's Vault transit calls, which protect the secrets of the sandbox's own state
// (src/sandbox/secrets-key.ts): the wire format Vault's Go client reads, the token, the key name,
// and a data key wrapped under one passphrase never opening under another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalApi, type RequestLine } from '../../src/sandbox/server.js';
import { sandboxTransitKey, SANDBOX_SECRETS_PROVIDER, type TransitKey } from '../../src/sandbox/secrets-key.js';

async function withApi(transit: TransitKey | undefined, run: (url: string, lines: RequestLine[]) => Promise<void>): Promise<void> {
  const lines: RequestLine[] = [];
  const api = await startLocalApi({ storeDir: mkdtempSync(join(tmpdir(), 'openmcf-transit-')), ...(transit ? { transit } : {}), onRequest: (line) => lines.push(line) });
  try {
    await run(api.url, lines);
  } finally {
    await api.close();
  }
}

async function call(url: string, path: string, token: string | undefined, body: unknown): Promise<{ status: number; json: { data?: Record<string, string>; errors?: string[] } }> {
  const response = await fetch(`${url}${path}`, {
    method: 'PUT',
    headers: { ...(token !== undefined ? { 'X-Vault-Token': token } : {}), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { data?: Record<string, string>; errors?: string[] } };
}

const DATA_KEY = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');

test('a data key wrapped by the transit key opens again, only with the token, and the log never holds it', async () => {
  const key = sandboxTransitKey('sandbox-passphrase-one');
  assert.equal(SANDBOX_SECRETS_PROVIDER, 'hashivault://openmcf-sandbox');
  await withApi(key, async (url, lines) => {
    const wrapped = await call(url, '/v1/transit/encrypt/openmcf-sandbox', key.token, { plaintext: DATA_KEY });
    assert.equal(wrapped.status, 200);
    const ciphertext = wrapped.json.data?.ciphertext ?? '';
    assert.match(ciphertext, /^vault:v1:[A-Za-z0-9+/=]+$/);
    assert.ok(!ciphertext.includes(DATA_KEY));
    const again = await call(url, '/v1/transit/encrypt/openmcf-sandbox', key.token, { plaintext: DATA_KEY });
    assert.notEqual(again.json.data?.ciphertext, ciphertext, 'a fresh nonce each time');

    const opened = await call(url, '/v1/transit/decrypt/openmcf-sandbox', key.token, { ciphertext });
    assert.deepEqual(opened, { status: 200, json: { data: { plaintext: DATA_KEY } } });

    assert.deepEqual(await call(url, '/v1/transit/decrypt/openmcf-sandbox', 'wrong-token', { ciphertext }), { status: 403, json: { errors: ['permission denied'] } });
    assert.equal((await call(url, '/v1/transit/decrypt/openmcf-sandbox', undefined, { ciphertext })).status, 403);
    assert.equal((await call(url, '/v1/transit/decrypt/other-key', key.token, { ciphertext })).status, 400);
    const tampered = `${ciphertext.slice(0, -6)}AAAA==`;
    const refused = await call(url, '/v1/transit/decrypt/openmcf-sandbox', key.token, { ciphertext: tampered });
    assert.equal(refused.status, 400);
    assert.match(refused.json.errors?.[0] ?? '', /message authentication failed: .*another sandbox passphrase.*restore it, or delete the sandbox folder/);

    assert.ok(
      lines.every((line) => Object.keys(line.body).length === 0),
      'transit bodies are never handed to the request log',
    );
    assert.ok(lines.some((line) => line.path === '/v1/transit/encrypt/openmcf-sandbox' && line.status === 200));
  });

  // What one sandbox passphrase wrapped, another cannot open.
  let ciphertext = '';
  await withApi(key, async (url) => {
    ciphertext = (await call(url, '/v1/transit/encrypt/openmcf-sandbox', key.token, { plaintext: DATA_KEY })).json.data?.ciphertext ?? '';
  });
  const other = sandboxTransitKey('sandbox-passphrase-two');
  await withApi(other, async (url) => {
    assert.equal((await call(url, '/v1/transit/decrypt/openmcf-sandbox', other.token, { ciphertext })).status, 400);
  });
});

test('an API started without the transit key serves no transit route; the Scaleway routes still want their own token', async () => {
  await withApi(undefined, async (url) => {
    const refused = await call(url, '/v1/transit/encrypt/openmcf-sandbox', 'any', { plaintext: DATA_KEY });
    assert.equal(refused.status, 404);
    const scaleway = await fetch(`${url}/containers/v1/regions/fr-par/namespaces`, { headers: { 'X-Vault-Token': sandboxTransitKey('x').token } });
    assert.equal(scaleway.status, 401, 'a Vault token is not a Scaleway secret key');
  });
});

test('the token and key are derived from the passphrase: stable, distinct, and not the passphrase', () => {
  const one = sandboxTransitKey('p');
  assert.deepEqual(sandboxTransitKey('p'), one);
  assert.notDeepEqual(sandboxTransitKey('q'), one);
  assert.equal(one.key.length, 32);
  assert.notEqual(one.token, one.key.toString('hex'));
  assert.match(one.token, /^[0-9a-f]{64}$/);
});
