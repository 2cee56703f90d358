import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { runInit, type Ask } from '../../src/commands/init.js';
import { parseImageReference } from '../../src/commands/init-template.js';
import type { Io } from '../../src/core/io.js';
import { Redactor } from '../../src/core/redactor.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    interactive: true,
    color: false,
    redactor: new Redactor(),
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
  };
  return io;
}

/** Answers questions from a script, recording what was asked and with which default. */
function scripted(answers: Record<string, string[]>): { ask: Ask; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ask: async (question, defaultValue) => {
      const key = question.split(' ')[0] ?? question;
      asked.push(`${key} [${defaultValue}]`);
      const next = answers[key]?.shift();
      return next === undefined || next === '' ? defaultValue : next;
    },
  };
}

test('on a terminal, asks for name, region, image and privacy, with defaults that follow earlier answers', async () => {
  const io = capture();
  const { ask, asked } = scripted({ Name: ['shop'], Region: ['pl-waw'] });
  assert.equal(await runInit({ path: '-' }, io, ask), 0);
  assert.deepEqual(asked, ['Name [my-api]', 'Region [fr-par]', 'Image [rg.pl-waw.scw.cloud/my-registry/shop:latest]', 'Privacy [public]']);
  const manifest = parse(io.stdout) as { metadata: { name: string }; spec: { region: string; image: { name: string } } };
  assert.equal(manifest.metadata.name, 'shop');
  assert.equal(manifest.spec.region, 'pl-waw');
  assert.equal(manifest.spec.image.name, 'shop');
});

test('values given as flags are not asked', async () => {
  const { ask, asked } = scripted({});
  await runInit({ path: '-', name: 'given', image: 'docker.io/acme/app:1' }, capture(), ask);
  assert.deepEqual(asked, ['Region [fr-par]', 'Privacy [public]']);
});

test('an invalid answer is explained and asked again', async () => {
  const io = capture();
  const { ask, asked } = scripted({ Name: ['Not_Valid', 'valid-name'], Region: ['mars', 'nl-ams'] });
  assert.equal(await runInit({ path: '-' }, io, ask), 0);
  // A re-ask offers a valid default, not the bad answer (Enter must not resubmit it).
  assert.deepEqual(
    asked.filter((q) => q.startsWith('Name')),
    ['Name [my-api]', 'Name [my-api]'],
  );
  assert.match(io.stderr, /Name \(lowercase letters, digits, dashes\): metadata\.name: /);
  assert.match(io.stderr, /Region \(fr-par, nl-ams, pl-waw\): spec\.region: /);
  assert.equal((parse(io.stdout) as { metadata: { name: string } }).metadata.name, 'valid-name');
});

test('an answer that stays invalid gives up after three tries with exit 3', async () => {
  const { ask } = scripted({ Name: ['A', 'B', 'C', 'D'] });
  await assert.rejects(runInit({ path: '-' }, capture(), ask), (error: { exitCode?: number; message?: string }) => {
    return error.exitCode === 3 && /Name \(lowercase letters, digits, dashes\) "C": metadata\.name/.test(error.message ?? '');
  });
});

test('image references split like docker: registry, name, tag (default latest)', () => {
  assert.deepEqual(parseImageReference('rg.fr-par.scw.cloud/ns/api:v1'), { registryEndpoint: 'rg.fr-par.scw.cloud/ns', name: 'api', tag: 'v1' });
  assert.deepEqual(parseImageReference('localhost:5000/api'), { registryEndpoint: 'localhost:5000', name: 'api', tag: 'latest' });
  assert.deepEqual(parseImageReference('nginx:1.27'), { registryEndpoint: 'docker.io/library', name: 'nginx', tag: '1.27' });
  assert.deepEqual(parseImageReference('acme/api'), { registryEndpoint: 'docker.io/acme', name: 'api', tag: 'latest' });
  assert.ok('problem' in parseImageReference('ghcr.io/acme/api@sha256:0123'));
  assert.ok('problem' in parseImageReference(''));
});

test('each answer is checked as it is given, and a rejected one leaves no trace in later defaults', async () => {
  const io = capture();
  const { ask, asked } = scripted({ Name: ['Bad_Name', 'shop'], Region: ['mars-1', 'nl-ams'] });
  assert.equal(await runInit({ path: '-' }, io, ask), 0);
  assert.deepEqual(asked, [
    'Name [my-api]',
    'Name [my-api]', // asked again at once, before any other question
    'Region [fr-par]',
    'Region [fr-par]',
    'Image [rg.nl-ams.scw.cloud/my-registry/shop:latest]', // from the accepted answers only
    'Privacy [public]',
  ]);
  assert.match(io.stderr, /^Name .*: metadata\.name: /m);
  assert.match(io.stderr, /^Region .*: spec\.region: /m);
});

test('three rejected answers to one question stop init with exit 3 naming the answer', async () => {
  const { ask } = scripted({ Name: ['A', 'B', 'C'] });
  await assert.rejects(runInit({ path: '-' }, capture(), ask), (error: Error & { exitCode?: number }) => error.exitCode === 3 && /Name .*"C"/.test(error.message));
});
