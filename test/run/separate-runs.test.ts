// Two runs in one process (a test runner, a long-lived tool calling the commands) must not share
// secrets: each run masks what it learnt, and only that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Io } from '../../src/core/io.js';
import { Redactor } from '../../src/core/redactor.js';
import { loadValidManifestsWithDiagnostics } from '../../src/run/load-valid-manifests.js';

function captureIo(): Io & { printed: () => string } {
  const redactor = new Redactor();
  let text = '';
  const write = (t: string): void => void (text += redactor.mask(t));
  return { out: write, err: write, interactive: false, color: false, redactor, printed: () => text };
}

function manifest(secret: string): string {
  return [
    'apiVersion: scaleway.openmcf.org/v1',
    'kind: ScalewayServerlessContainer',
    'metadata:',
    '  name: api',
    '  labels:',
    '    pulumi.openmcf.org/stack.fqdn: my-org/my-project/dev.ScalewayServerlessContainer.api',
    'spec:',
    '  region: fr-par',
    '  privacy: public',
    '  image:',
    '    registryEndpoint: {value: rg.fr-par.scw.cloud/team}',
    '    name: api',
    '    tag: v1',
    '  env:',
    '    secrets:',
    '      - name: TOKEN',
    `        value: ${secret}`,
    '',
  ].join('\n');
}

async function run(io: Io, text: string, set: string[] = [], maskSecrets = true) {
  return loadValidManifestsWithDiagnostics({ files: ['-'], sets: set }, io, { readStdin: async () => text, maskSecrets });
}

test("two runs in one process: each masks its own secrets, never the other's", async () => {
  const first = captureIo();
  const loaded = await run(first, manifest('first-run-s3cret'), ['spec.env.secrets[0].value=first-set-s3cret']);
  assert.equal(loaded.manifests.length, 1, first.printed());
  assert.equal(first.redactor.mask('first-set-s3cret'), '[secret]', 'the --set value');
  assert.equal(loaded.secrets.mask('x first-set-s3cret'), 'x [secret]', 'returned with the result too');

  const second = captureIo();
  await run(second, manifest('second-run-s3cret'));
  second.err('first-run-s3cret first-set-s3cret second-run-s3cret\n');
  assert.equal(second.printed(), 'first-run-s3cret first-set-s3cret [secret]\n');
  assert.equal(first.redactor.mask('second-run-s3cret'), 'second-run-s3cret', 'the first run learns nothing of the second');
});

test('a run that asked to see its secrets (load --show-secrets) masks none of them', async () => {
  const io = captureIo();
  const loaded = await run(io, manifest('shown-on-request'), ['spec.env.secrets[0].value=set-and-shown'], false);
  assert.equal(io.redactor.known.size, 0);
  assert.equal(loaded.secrets.has('set-and-shown'), true, 'still returned: the caller decides');
});

test("the credentials of a manifest URL stay masked when the user asked to see the manifests' secrets", async () => {
  const server = createServer((_request, response) => response.end(manifest('in-the-manifest')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const io = captureIo();
    const loaded = await loadValidManifestsWithDiagnostics({ sets: [], files: [`http://reader:url-tok3n-secret@127.0.0.1:${port}/app.yaml`] }, io, { maskSecrets: false });
    assert.equal(loaded.manifests.length, 1, io.printed());
    assert.equal(io.redactor.mask('url-tok3n-secret'), '[secret]');
    assert.equal(io.redactor.mask('in-the-manifest'), 'in-the-manifest', 'shown on request');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
