// Every documented exit code, produced through the built binary on the real engine and the
// sandbox cloud (0 and 2 are also produced by apply.test.ts): 1 the operation failed, 3 invalid
// input with nothing touched, 4 a stack locked by another run, 130 interrupted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, manifest, parseJson, waitUntil } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';
import { Hold } from '../helpers/hold.js';

const home = new CloudHome('openmcf-exit-');
const STACK = 'my-org/my-project/dev.ScalewayServerlessContainer.my-api';

test('3: an invalid manifest is refused before anything runs, with a JSON document under --json', () => {
  const bad = home.file('bad.yaml', readFileSync(manifest('my-api'), 'utf8').replace(/port: 8080/, 'port: 9090'));
  const result = home.run(['apply', '-f', bad, '--sandbox', '--yes', '--json']);
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, /bad\.yaml:\d+:\d+: error: spec\.port/);
  const document = parseJson<ResultDocument>(result.stdout);
  assert.equal(document.exitCode, 3);
  assert.equal(document.error?.code, 'manifest.invalid');
  assert.deepEqual(
    document.error?.diagnostics?.map((d) => [d.path, d.severity, d.line > 0]),
    [['spec.port', 'error', true]],
  );
  assert.deepEqual(document.results, []);
  assert.equal(existsSync(join(home.dir, 'sandbox', 'state', '.pulumi')), false, 'no stack was created');
});

test('3: apply without a terminal needs --yes; nothing is touched', () => {
  const result = home.run(['apply', '-f', manifest('my-api'), '--sandbox']);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /needs confirmation, but this is not a terminal/);
  assert.match(result.stderr, /--yes/);
  assert.deepEqual(home.cloud().containers, {});
});

test('3: missing credentials and contradictory flags are refused before the engine starts', () => {
  const noCredentials = home.run(['preview', '-f', manifest('my-api')], { env: { HOME: home.dir } });
  assert.equal(noCredentials.code, 3);
  assert.match(noCredentials.stderr, /no Scaleway credentials found/);
  assert.doesNotMatch(noCredentials.stderr, /plugin/);

  const missingFolder = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '--backend', `file://${home.dir}/no-such-folder`]);
  assert.equal(missingFolder.code, 3);
  assert.match(missingFolder.stderr, /--backend: the state folder \S+no-such-folder does not exist/);

  for (const [flag, value, pattern] of [
    ['--lock-wait', 'soon', /--lock-wait must be a duration such as 30s, 5m or 1h30m, got "soon"/],
    ['--shard', '5/4', /--shard must be <index>\/<count> with 1 <= index <= count <= 1000, got "5\/4"/],
  ] as const) {
    const bad = home.run(['preview', '-f', manifest('my-api'), '--sandbox', flag, value, '--json']);
    assert.equal(bad.code, 3, bad.stderr);
    assert.match(bad.stderr, pattern);
    assert.equal(parseJson<ResultDocument>(bad.stdout).error?.exitCode, 3);
  }
  const badShard = home.run(['validate', '-f', manifest('my-api'), '--shard', '0/2']);
  assert.equal(badShard.code, 3, badShard.stderr);
  assert.match(badShard.stderr, /--shard must be/);

  const parallel = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '--parallel', '0']);
  assert.equal(parallel.code, 3);
  assert.match(parallel.stderr, /--parallel must be a whole number/);
});

test('1: a container the platform reports in error fails the run with the platform message', () => {
  const result = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--json'], {
    env: { OPENMCF_SANDBOX_FAULTS: 'status:Container=error:image rg.fr-par.scw.cloud/my-registry/my-api:latest not found' },
  });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /is in status "error": image rg\.fr-par\.scw\.cloud\/my-registry\/my-api:latest not found/);
  const [stack] = parseJson<ResultDocument>(result.stdout).results;
  assert.equal(stack?.status, 'failed');
  assert.equal(stack?.error?.code, 'container-error');
  assert.equal(stack?.outputs?.status, 'error');
});

test('1: an API failure fails the run and names the stack', () => {
  const result = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.port=8081'], {
    env: { OPENMCF_SANDBOX_FAULTS: 'update:Container=500' },
  });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /x failed to update container/);
  assert.match(result.stderr, new RegExp(`apply failed for stack ${STACK}: .*http error 500 Internal Server Error`));
});

test('4: a stack held by another run is reported as locked, naming it and how to clear a stale lock', async () => {
  // The holder stops in its update (apply --yes previews first, and the preview's lock is brief),
  // holding the lock, until the second run has met it.
  const hold = new Hold(home.storeDir, 'exit-4-holder', 'Container', 'update');
  const holder = home.start(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.port=8082'], { env: hold.env });
  try {
    await hold.waitHeld(120_000, () => holder.stderr);
    await holder.waitFor(/updating container\.\.\./);
    await waitUntil(
      () => home.lockFiles().length > 0,
      60_000,
      () => `no lock appeared:\n${holder.stderr}`,
    );
    // A change of its own: its update needs the lock (a preview does not take it).
    const second = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.port=8084']);
    hold.release();
    assert.equal(second.code, 4, second.stderr);
    assert.match(second.stderr, new RegExp(`stack ${STACK} is locked by another run \\(held by \\S+@\\S+, process \\d+, since `));
    assert.match(second.stderr, /Wait for the other run to finish, or pass --lock-wait <duration>/);
    assert.match(second.stderr, /release the lock with `openmcf cancel -f \S+my-api\.yaml --set spec\.port=8084 --sandbox --yes`/);
  } finally {
    hold.release();
    assert.equal(await holder.done, 0, holder.stderr);
  }
});

test('130: Ctrl-C cancels the engine cleanly and says how to recover', async () => {
  // Ctrl-C while the update is in flight; the engine, stopping cleanly, waits for that call to end.
  const hold = new Hold(home.storeDir, 'exit-130-clean', 'Container', 'update');
  const run = home.start(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.port=8083'], { env: hold.env });
  await hold.waitHeld(120_000, () => run.stderr);
  await run.waitFor(/updating container\.\.\./);
  run.signal('SIGINT');
  try {
    await run.waitFor(/cancelling: waiting for the engine to stop cleanly/);
  } finally {
    hold.release();
  }
  assert.equal(await run.done, 130, run.stderr);
  assert.match(run.stderr, /cancelling: waiting for the engine to stop cleanly/);
  assert.match(run.stderr, /interrupted: apply of stack .* was cancelled \(the engine stopped cleanly\)/);
  assert.match(run.stderr, /openmcf refresh -f \S+my-api\.yaml --set spec\.port=8083 --sandbox --clear-pending-creates/);
  assert.deepEqual(home.lockFiles(), [], 'a clean cancel releases the lock');
});

test('130: a second Ctrl-C kills the engine at once; the lock it leaves is reported and can be cleared', async () => {
  // Stopped in its update (never released: the engine is killed there).
  const hold = new Hold(home.storeDir, 'exit-130-killed', 'Container', 'update');
  const run = home.start(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.port=8084'], { env: hold.env });
  await hold.waitHeld(120_000, () => run.stderr);
  await run.waitFor(/updating container\.\.\./);
  run.signal('SIGINT');
  await run.waitFor(/cancelling/);
  const killedAt = Date.now();
  run.signal('SIGINT');
  assert.equal(await run.done, 130, run.stderr);
  assert.ok(Date.now() - killedAt < 5_000, 'the second Ctrl-C does not wait for the engine');
  assert.match(run.stderr, /the engine was stopped immediately/);

  assert.match(run.stderr, /release the lock with `openmcf cancel -f \S+my-api\.yaml --set spec\.port=8084 --sandbox --yes`/);

  const locked = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes']);
  assert.equal(locked.code, 4, locked.stderr);
  // The lock's age, in seconds or minutes.
  assert.match(locked.stderr, /process \d+, since \S+ \(\d+(s| min) ago\), which has ended/);
  assert.match(locked.stderr, /the lock is stale: release it with `openmcf cancel -f \S+my-api\.yaml --sandbox --yes`/);
  assert.equal(home.lockFiles().filter((f) => f.endsWith('.json')).length, 1, 'the killed engine left its lock');
  const noYes = home.run(['cancel', '-f', manifest('my-api'), '--sandbox']);
  assert.equal(noYes.code, 3, 'without a terminal, cancel needs --yes');
  const released = home.run(['cancel', '-f', manifest('my-api'), '--sandbox', '--yes']);
  assert.equal(released.code, 0, released.stderr);
  assert.deepEqual(home.lockFiles(), [], 'openmcf cancel deleted the lock file');
  const recovered = home.run(['refresh', '-f', manifest('my-api'), '--sandbox', '--clear-pending-creates']);
  assert.equal(recovered.code, 0, recovered.stderr);
});
