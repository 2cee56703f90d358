import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineErrorLines, interruptedError, isLockError, StackLockedError, toOpenmcfError, type EngineErrorContext } from '../../src/engine/engine-errors.js';
import { ExitCode, OpenmcfError } from '../../src/core/errors.js';

const context: EngineErrorContext = {
  operation: 'apply',
  stackDisplay: 'my-org/my-project/dev.ScalewayServerlessContainer.my-api',
  stackName: 'organization/my-project/dev.ScalewayServerlessContainer.my-api',
  backendUrl: 'file:///home/me/.openmcf/sandbox/state',
  sandbox: true,
  rerunArgs: '-f my-api.yaml --sandbox',
};

/** The Automation API's CommandError keeps the CLI's stderr in `commandResult`. */
function commandError(stderr: string, name = 'CommandError'): Error {
  const error = new Error(`code: 255\n stdout: \n stderr: ${stderr}\n`);
  error.name = name;
  Object.assign(error, { commandResult: { stdout: '', stderr, code: 255 } });
  return error;
}

const DIY_LOCK =
  'error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n' +
  '  file:///home/me/.openmcf/sandbox/state/.pulumi/locks/organization/my-project/dev/0b8f.json?no_tmp_dir=true: created by me@host (pid 4242) at 2026-11-28T01:00:00Z\n';

test('lock errors are recognised in every wording and exit 4 with the stack and how to clear it', () => {
  for (const text of [DIY_LOCK, 'error: [409] Conflict: Another update is currently in progress.', 'error: --- stack is locked ---', 'the stack is locked by alice']) {
    assert.ok(isLockError(commandError(text)), text);
  }
  const error = toOpenmcfError(commandError(DIY_LOCK), context);
  assert.equal(error.exitCode, ExitCode.stackLocked);
  assert.ok(error instanceof StackLockedError);
  assert.match(error.message, /stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api is locked by another run/);
  assert.match(error.message, /held by me@host, process 4242, since 2026-11-28T01:00:00Z/);
  assert.match(error.hint ?? '', /--lock-wait/);
  assert.match(error.hint ?? '', /openmcf cancel -f my-api\.yaml --sandbox --yes/);
  assert.ok(isLockError(commandError('whatever', 'ConcurrentUpdateError')));
});

test('Pulumi Cloud names no holder; the stack and what to do are still said', () => {
  const error = toOpenmcfError(commandError('error: [409] Conflict: Another update is currently in progress.'), context);
  assert.ok(error instanceof StackLockedError);
  assert.deepEqual(error.holders, []);
  assert.equal(error.message, 'stack my-org/my-project/dev.ScalewayServerlessContainer.my-api is locked by another run');
});

test('a missing scaleway plugin says how to install it or to use the sandbox', () => {
  const error = toOpenmcfError(
    commandError("error: could not load plugin for scaleway provider 'default_1_54_0': no resource plugin 'scaleway-v1.54.0' found in the workspace or on your $PATH"),
    context,
  );
  assert.equal(error.exitCode, ExitCode.failed);
  assert.equal(error.code, 'engine-plugin-missing');
  assert.match(error.hint ?? '', /pulumi plugin install resource scaleway v1\.54\.0 --server github:\/\/api\.github\.com\/pulumiverse/);
  assert.match(error.hint ?? '', /--sandbox/);
});

test('other failures exit 1 with the engine error lines, without the generic ones', () => {
  const error = toOpenmcfError(commandError('error: sandbox: 500 internal error on Container create\nerror: update failed\n'), context);
  assert.equal(error.exitCode, ExitCode.failed);
  assert.equal(error.message, 'apply failed for stack my-org/my-project/dev.ScalewayServerlessContainer.my-api: sandbox: 500 internal error on Container create');
  assert.deepEqual(engineErrorLines('noise\nerror: a\nerror: a\nerror: preview failed'), ['a']);
  assert.deepEqual(engineErrorLines('warning: x\nerror: 1 error occurred:\n\t* creation container error: http error 500\n\n\nerror: update failed'), [
    'creation container error: http error 500',
  ]);
});

test('an OpenmcfError passes through unchanged', () => {
  const original = new OpenmcfError('x', { exitCode: ExitCode.invalidInput, code: 'x' });
  assert.equal(toOpenmcfError(original, context), original);
});

test('an interruption exits 130 and says how to recover', () => {
  const error = interruptedError(context, false);
  assert.equal(error.exitCode, ExitCode.interrupted);
  assert.match(error.hint ?? '', /openmcf refresh -f my-api\.yaml --sandbox --clear-pending-creates/);
  const killed = interruptedError({ ...context, operation: 'preview' }, true);
  assert.match(killed.hint ?? '', /Nothing was changed/);
});
