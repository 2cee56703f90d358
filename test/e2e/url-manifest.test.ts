// `-f http://...`: manifests fetched from a local HTTP server, through the built binary. The
// server runs in this process, so the binary runs asynchronously (a synchronous spawn would block
// the server's event loop).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runWithOpenStdin } from '../helpers/run-openmcf.js';
import { MAX_MANIFEST_BYTES } from '../../src/manifest/read-url.js';

const GOOD = readFileSync(join(REPO_ROOT, 'manifests', 'my-api.yaml'), 'utf8');
const BAD = GOOD.replace(/port: 8080/, 'port: 8008');
const BAD_LINE = BAD.split('\n').findIndex((line) => line.includes('port: 8008')) + 1;
const PASSWORD = 'hunter2-password';
const TOKEN = 'tok4f9a8b7c6d5e4f3a2b1';

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/good.yaml': (_req, res) => res.end(GOOD),
  '/bad.yaml': (_req, res) => res.end(BAD),
  '/private.yaml': (req, res) => {
    const expected = `Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      res.statusCode = 401;
      res.end('who are you?');
      return;
    }
    res.end(GOOD);
  },
  // Headers at once, then the body never finishes: the timeout covers the whole answer.
  '/slow.yaml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/yaml' });
    res.write('apiVersion: scaleway.openmcf.org/v1\n');
  },
  '/large-declared.yaml': (_req, res) => {
    res.writeHead(200, { 'content-length': String(MAX_MANIFEST_BYTES + 1) });
    res.end('#'.repeat(MAX_MANIFEST_BYTES + 1));
  },
  // No content-length (chunked): the limit is enforced while reading.
  '/large-streamed.yaml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/yaml' });
    const chunk = `# ${'x'.repeat(64 * 1024)}\n`;
    for (let i = 0; i < 20; i++) res.write(chunk);
    res.end();
  },
};

const server = createServer((req, res) => {
  const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
  if (route) route(req, res);
  else {
    res.statusCode = 404;
    res.end('not here');
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => {
  server.closeAllConnections();
  server.close();
});

const run = (args: string[], env: Record<string, string> = {}) => runWithOpenStdin(args, { env: { OPENMCF_URL_TIMEOUT_MS: '5000', ...env } }, 30_000);

test('a manifest from a URL validates and loads, its source named by the URL', async () => {
  const validated = await run(['validate', '-f', `${base}/good.yaml`]);
  assert.equal(validated.code, 0, validated.stderr);
  assert.match(validated.stderr, /1 manifest valid in 1 file/);
  const loaded = await run(['load', `${base}/good.yaml`, '--json']);
  assert.equal(loaded.code, 0, loaded.stderr);
  const document = JSON.parse(loaded.stdout) as { manifests: Array<{ source: { file: string }; manifest: { spec: { port: number } } }> };
  assert.equal(document.manifests[0]?.source.file, `${base}/good.yaml`);
  assert.equal(document.manifests[0]?.manifest.spec.port, 8080);
});

test('problems in a fetched manifest point at the URL, line and column', async () => {
  const result = await run(['validate', '--manifest', `${base}/bad.yaml`]);
  assert.equal(result.code, 3);
  assert.match(result.stderr, new RegExp(`^${base.replace(/\./g, '\\.')}/bad\\.yaml:${BAD_LINE}:9: error: spec\\.port: 8008 is reserved`, 'm'));
});

test('an HTTP error names the URL with its credentials masked, and never prints them', async () => {
  const url = `http://alice:${PASSWORD}@127.0.0.1:${new URL(base).port}/missing.yaml?ref=main&token=${TOKEN}`;
  for (const json of [false, true]) {
    const result = await run(['validate', '-f', url, ...(json ? ['--json'] : [])]);
    assert.equal(result.code, 3);
    const output = result.stdout + result.stderr;
    assert.ok(output.includes(`http://***@127.0.0.1:${new URL(base).port}/missing.yaml?ref=main&token=***`), output);
    assert.match(output, /the server answered HTTP 404 Not Found/);
    for (const secret of [PASSWORD, TOKEN, 'alice']) assert.ok(!output.includes(secret), `${secret} printed`);
  }
});

test('a user:password in the URL is sent as basic authentication', async () => {
  const withCredentials = await run(['validate', '-f', `http://alice:${PASSWORD}@127.0.0.1:${new URL(base).port}/private.yaml`]);
  assert.equal(withCredentials.code, 0, withCredentials.stderr);
  const without = await run(['validate', '-f', `${base}/private.yaml`]);
  assert.equal(without.code, 3);
  assert.match(without.stderr, /private\.yaml: error: the server answered HTTP 401 Unauthorized\n\s+the URL needs credentials/);
});

test('a server that does not finish answering hits the timeout (OPENMCF_URL_TIMEOUT_MS)', async () => {
  const started = Date.now();
  const result = await run(['validate', '-f', `${base}/slow.yaml`], { OPENMCF_URL_TIMEOUT_MS: '300' });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /slow\.yaml: error: no complete answer within 300 ms\n\s+check that the server is up; OPENMCF_URL_TIMEOUT_MS=<milliseconds> waits longer/);
  assert.ok(Date.now() - started < 15_000, 'the run did not wait for the server');
});

test('an answer larger than the limit is refused, declared or streamed', async () => {
  for (const name of ['large-declared', 'large-streamed']) {
    const result = await run(['validate', '-f', `${base}/${name}.yaml`]);
    assert.equal(result.code, 3, name);
    assert.match(result.stderr, new RegExp(`${name}\\.yaml: error: the answer is too large for a manifest \\(.*the limit is ${MAX_MANIFEST_BYTES} bytes\\)`));
  }
});

test('a port nobody listens on is a clear error too', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const result = await run(['validate', '-f', `http://127.0.0.1:${port}/nothing.yaml`]);
  assert.equal(result.code, 3);
  assert.match(result.stderr, new RegExp(`^http://127\\.0\\.0\\.1:${port}/nothing\\.yaml: error: cannot fetch: ECONNREFUSED`, 'm'));
});
