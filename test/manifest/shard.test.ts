import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentKey, hash32, parseShard, shardOf } from '../../src/manifest/shard.js';
import { loadManifests } from '../../src/validation/load-manifests.js';
import { inputError } from '../helpers/input-error.js';

test('--shard takes i/n with 1 <= i <= n; anything else is invalid input naming the flag', () => {
  assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
  assert.deepEqual(parseShard(' 1 / 1 '), { index: 1, count: 1 });
  assert.equal(parseShard(undefined), undefined);
  for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '-1/4', '1.5/4', '1/1001', '']) {
    assert.throws(() => parseShard(bad), inputError('flag.shard', /^--shard must be <index>\/<count>/), bad);
  }
});

test('documents are named by their path relative to the working directory and their position', () => {
  assert.equal(documentKey('manifests/a.yaml', 0, '/repo'), 'manifests/a.yaml#0');
  assert.equal(documentKey('/repo/manifests/a.yaml', 2, '/repo'), 'manifests/a.yaml#2', 'absolute and relative spellings agree');
  assert.equal(documentKey('./manifests/a.yaml', 2, '/repo'), 'manifests/a.yaml#2');
  assert.equal(documentKey('<stdin>', 1, '/repo'), '<stdin>#1');
});

test('the hash is fixed: the same document lands in the same part on every machine and release', () => {
  // Pinned values: a change here would move documents between CI runners.
  assert.equal(hash32('manifests/my-api.yaml#0'), 473524785);
  assert.equal(hash32('manifests/order-api.yaml#0'), 2361425224);
  assert.equal(hash32(''), 2872998923);
  assert.deepEqual(
    ['manifests/my-api.yaml#0', 'manifests/order-api.yaml#0', 'manifests/data-pipeline.yaml#0', 'manifests/inference-grpc.yaml#0'].map((k) => shardOf(k, 4)),
    [2, 1, 1, 4],
  );
});

test('parts are disjoint, cover every document, and are roughly even', () => {
  const keys = Array.from({ length: 400 }, (_, i) => `manifests/service-${i}.yaml#${i % 3}`);
  const count = 4;
  const parts = new Map<number, string[]>();
  for (const key of keys) parts.set(shardOf(key, count), [...(parts.get(shardOf(key, count)) ?? []), key]);
  assert.deepEqual([...parts.keys()].sort(), [1, 2, 3, 4]);
  assert.equal([...parts.values()].flat().length, keys.length, 'each document in exactly one part');
  for (const members of parts.values()) assert.ok(members.length > 60 && members.length < 140, `uneven: ${members.length} of 400`);
});

test('a document stays in its part when files are added, removed or reordered around it', async () => {
  // Through the loader, which decides the parts of a folder: a split by rank would move documents.
  const dir = await mkdtemp(join(tmpdir(), 'openmcf-shard-stable-'));
  const doc = (name: string): string =>
    `apiVersion: scaleway.openmcf.org/v1\nkind: ScalewayServerlessContainer\nmetadata:\n  name: ${name}\n  labels:\n    pulumi.openmcf.org/stack.fqdn: o/p/dev.${name}\nspec:\n  region: fr-par\n  image:\n    registryEndpoint:\n      value: rg.fr-par.scw.cloud/r\n    name: ${name}\n    tag: v1\n  privacy: public\n`;
  const partsOf = async (): Promise<Map<string, number>> => {
    const parts = new Map<string, number>();
    for (let index = 1; index <= 3; index += 1) {
      const result = await loadManifests({ files: [dir], shard: { index, count: 3 }, cwd: dir, variables: {} });
      assert.deepEqual(result.diagnostics, []);
      for (const m of result.manifests) parts.set(m.manifest.metadata.name, index);
    }
    return parts;
  };
  for (let i = 0; i < 12; i += 1) await writeFile(join(dir, `svc-${String(i).padStart(2, '0')}.yaml`), doc(`svc-${i}`));
  const before = await partsOf();
  assert.equal(before.size, 12);
  // Files sorting before and between the others, and one removed.
  for (const name of ['aa-first', 'svc-05a', 'svc-10a', 'zz-last']) await writeFile(join(dir, `${name}.yaml`), doc(name));
  await rm(join(dir, 'svc-03.yaml'));
  const after = await partsOf();
  assert.equal(after.size, 15);
  for (const [name, part] of before) if (name !== 'svc-3') assert.equal(after.get(name), part, `${name} moved from part ${part} to ${after.get(name)}`);
});

test('loading with --shard checks and returns only the documents of that part, and reports the split', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'openmcf-shard-'));
  const doc = (name: string): string =>
    `apiVersion: scaleway.openmcf.org/v1\nkind: ScalewayServerlessContainer\nmetadata:\n  name: ${name}\n  labels:\n    pulumi.openmcf.org/stack.fqdn: o/p/dev.${name}\nspec:\n  region: fr-par\n  image:\n    registryEndpoint:\n      value: rg.fr-par.scw.cloud/r\n    name: ${name}\n    tag: v1\n  privacy: public\n`;
  for (let i = 0; i < 6; i += 1) await writeFile(join(dir, `svc-${i}.yaml`), doc(`svc-${i}`));
  await writeFile(join(dir, 'multi.yaml'), `${doc('multi-a')}---\n${doc('multi-b')}---\n${doc('multi-c')}`);
  const names: string[][] = [];
  for (let index = 1; index <= 3; index += 1) {
    const result = await loadManifests({ files: [dir], shard: { index, count: 3 }, cwd: dir, variables: {} });
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(result.shard, { index, count: 3, documents: result.manifests.length, totalDocuments: 9 });
    names.push(result.manifests.map((m) => m.manifest.metadata.name));
  }
  const all = names.flat().sort();
  assert.equal(all.length, 9);
  assert.deepEqual(all, [...new Set(all)], 'no document in two parts');
});
