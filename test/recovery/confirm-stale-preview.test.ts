// Issue 9.3: what is applied after "y" must be what the preview showed. Another run changes the
// stack while the question is on the screen: the confirmed run stops, applies nothing, and says
// to look again. On a real pseudo-terminal (`script` from util-linux), like test/e2e/apply-confirm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, manifest } from '../e2e/cloud-run.js';

const home = new CloudHome('openmcf-stale-preview-');
const myApi = manifest('my-api');

/** Runs the CLI on a terminal; once the question is asked, `meanwhile` runs, then `answer` is typed. */
async function onTerminal(args: string[], question: RegExp, meanwhile: () => void, answer: string): Promise<{ code: number | null; screen: string }> {
  const { code, screen, asked } = await home.onTerminal(args, question, answer, { meanwhile, timeoutMs: 150_000 });
  assert.ok(asked, screen);
  return { code, screen };
}

test('set-up: my-api is deployed on port 8080', () => {
  const result = home.run(['apply', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(result.code, 0, result.stderr);
});

test('a stack changed by another run between the preview and "y" is not applied: exit 1, the other run\'s change stays', async () => {
  let other = { code: null as number | null, stderr: '' };
  const result = await onTerminal(
    ['apply', '-f', myApi, '--sandbox', '--set', 'spec.port=9000'],
    /Apply these changes to stack \S+ \(1 to update, 1 unchanged\)\? \[y\/N\] /,
    () => {
      other = home.run(['apply', '-f', myApi, '--sandbox', '--yes', '--set', 'spec.port=7000']);
    },
    'y',
  );
  assert.equal(other.code, 0, other.stderr);
  assert.match(result.screen, /~ spec\.port: 8080 -> 9000/, 'the preview showed the change from 8080');
  assert.equal(result.code, 1, result.screen);
  assert.match(result.screen, /stack \S+my-api changed since the preview \(another run updated it while you were answering\); nothing was applied/);
  assert.match(result.screen, /Run `openmcf apply -f \S+my-api\.yaml --set spec\.port=9000 --sandbox` again to see a preview of the stack as it is now/);
  assert.equal(Object.values(home.cloud().containers)[0]!.port, 7000, "the other run's change was not reverted");
});

test('with nothing changed meanwhile, "y" applies what was shown', async () => {
  const result = await onTerminal(['apply', '-f', myApi, '--sandbox', '--set', 'spec.port=9000'], /Apply these changes .*\[y\/N\] /, () => undefined, 'y');
  assert.equal(result.code, 0, result.screen);
  assert.match(result.screen, /~ spec\.port: 7000 -> 9000/);
  assert.equal(Object.values(home.cloud().containers)[0]!.port, 9000);
});
