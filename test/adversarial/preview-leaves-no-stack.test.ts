// Finding 16 of issue 9 (first half): `preview` created empty stacks in the backend; looking at a
// manifest should leave nothing behind. Real engine, sandbox backend, through the binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome } from '../e2e/cloud-run.js';
import { fixture } from './adversarial.js';

const home = new CloudHome('openmcf-adv-preview-');
const stackFile = (): string => join(home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'secrets', 'dev.ScalewayServerlessContainer.secret-api.json');

test('a preview of a new stack leaves no stack; an apply then creates it; later previews keep it', () => {
  const preview = home.run(['preview', '--sandbox', '--detailed-exitcode', '-f', fixture('secrets.yaml')]);
  assert.equal(preview.code, 2, preview.stderr);
  assert.match(preview.stdout, /2 to create/);
  assert.equal(existsSync(stackFile()), false, 'the preview left a stack behind');
  const outputs = home.run(['outputs', '--sandbox', '-f', fixture('secrets.yaml')]);
  assert.match(outputs.stderr, /does not exist/);

  const apply = home.run(['apply', '--sandbox', '--yes', '-f', fixture('secrets.yaml')]);
  assert.equal(apply.code, 0, apply.stderr);
  assert.equal(existsSync(stackFile()), true);
  const again = home.run(['preview', '--sandbox', '--detailed-exitcode', '-f', fixture('secrets.yaml'), '--set', 'spec.minScale=1']);
  assert.equal(again.code, 2, again.stderr);
  assert.equal(existsSync(stackFile()), true, 'a preview removed a stack it did not create');
});

test('an apply declined at the prompt leaves no new stack either', async () => {
  const file = home.file('other.yaml', readFileSync(fixture('secrets.yaml'), 'utf8').replace(/secret-api/g, 'declined-api'));
  const { code, screen, asked } = await home.onTerminal(['apply', '--sandbox', '-f', file], /\[y\/N\] /, 'n');
  assert.ok(asked, screen);
  assert.equal(code, 1, `a declined apply exits 1 (as terraform and pulumi do):\n${screen}`);
  assert.equal(existsSync(join(home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'secrets', 'dev.ScalewayServerlessContainer.declined-api.json')), false, screen);
});
