// On a terminal, apply and destroy show what they will do and ask before doing it. Run on a real
// pseudo-terminal (`script` from util-linux), answering only once the question has appeared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, manifest } from './cloud-run.js';

const home = new CloudHome('openmcf-confirm-');

test('apply previews, asks, and applies on "y"', async () => {
  const result = await home.onTerminal(['apply', '-f', manifest('my-api'), '--sandbox'], /Apply these changes to stack \S+my-api \(2 to create\)\? \[y\/N\] /, 'y');
  assert.ok(result.asked, result.screen);
  assert.equal(result.code, 0, result.screen);
  assert.match(result.screen, /Preview of my-api/);
  assert.match(result.screen, /\+  create +container/);
  assert.match(result.screen, /✓ my-api: 2 created/);
  assert.equal(Object.keys(home.cloud().containers).length, 1);
});

test('destroy names what goes away and changes nothing when declined (exit 1, as Terraform and Pulumi)', async () => {
  const result = await home.onTerminal(['destroy', '-f', manifest('my-api'), '--sandbox'], /Destroy 2 resources in stack \S+my-api\? .*\[y\/N\] /, 'n');
  assert.ok(result.asked, result.screen);
  assert.equal(result.code, 1, result.screen);
  assert.match(result.screen, /destroy cancelled: the confirmation was declined; nothing was changed/);
  assert.match(result.screen, /Destroy of my-api .* deletes:\r?\n +- container\r?\n +- namespace/);
  assert.match(result.screen, /not applied \(declined\)/);
  assert.equal(Object.keys(home.cloud().containers).length, 1, 'nothing was deleted');
});

test('Ctrl-C at the question is an interruption (exit 130) and changes nothing', async () => {
  const result = await home.onTerminal(['apply', '-f', manifest('my-api'), '--sandbox', '--set', 'spec.port=9000'], /Apply these changes .*\[y\/N\] /, '\u0003');
  assert.ok(result.asked, result.screen);
  assert.equal(result.code, 130, result.screen);
  assert.match(result.screen, /interrupted at the prompt; nothing was changed/);
  assert.equal(Object.values(home.cloud().containers)[0]?.port, 8080);
});
