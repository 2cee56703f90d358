// Issue 17.1: settling pending creates exported the stack with its secrets decrypted and imported
// it from `$TMPDIR/automation-NNNNNN` (0644), left behind when the import failed. Recovery now
// works on the encrypted checkpoint, through a private file (0600 in a 0700 folder) removed in
// `finally` and swept by the next run when a hard kill left it. Checked by watching TMPDIR,
// PULUMI_HOME and OPENMCF_HOME for planted secret values during the whole recovery, including a
// kill -9 at the import step. Through the built binary, on the real engine and provider.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, waitUntil } from '../e2e/cloud-run.js';
import { checkpointOf, stackOf, waitForStaleLock, writeManifest } from './recovery-kit.js';
import { Hold } from '../helpers/hold.js';

const home = new CloudHome('openmcf-no-plaintext-');
const tmp = join(home.dir, 'tmp');
mkdirSync(tmp, { mode: 0o700 });
const PLANTED = { API_TOKEN: `planted-token-${randomBytes(8).toString('hex')}`, DB_PASSWORD: `planted-password-${randomBytes(8).toString('hex')}` };
const shape = { name: 'planted', env: 'dev', secrets: PLANTED };
const file = writeManifest(home, shape);
const ENV = { TMPDIR: tmp };

/** Files under TMPDIR, PULUMI_HOME and OPENMCF_HOME holding a planted value (the manifest aside). */
function plaintextFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry);
      try {
        const stat = statSync(path);
        if (stat.isDirectory()) walk(path);
        else if (stat.isFile() && stat.size < 20_000_000 && path !== file) {
          const text = readFileSync(path, 'latin1');
          if (Object.values(PLANTED).some((value) => text.includes(value))) found.push(path);
        }
      } catch {
        // removed while walking: it was there for a moment, the next scan sees what stays
      }
    }
  };
  for (const root of [tmp, home.home.pulumiHome, home.dir]) walk(root);
  return [...new Set(found)];
}

/** Scans until `done` settles; every file that ever held a planted value. */
async function watchWhile(done: Promise<unknown>): Promise<string[]> {
  const seen = new Set<string>();
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished) {
    for (const path of plaintextFiles()) seen.add(path);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  for (const path of plaintextFiles()) seen.add(path);
  return [...seen];
}

async function killMidCreate(): Promise<void> {
  // The provider's first container read is its wait for the container it created (a fresh stack
  // reads none before): held there, the run is killed with the create half-made.
  const hold = new Hold(home.storeDir, 'kill-mid-create', 'Container', 'read');
  const run = home.start(['apply', '-f', file, '--sandbox', '--yes'], { env: { ...ENV, ...hold.env } });
  await hold.waitHeld(120_000, () => run.stderr);
  await run.waitFor(/creating container/);
  await waitUntil(
    () => Object.keys(home.cloud().containers).length > 0,
    60_000,
    () => `the create never reached the cloud:\n${run.stderr}`,
  );
  run.signal('SIGKILL');
  await run.done;
  await waitForStaleLock(home);
  assert.equal(home.run(['cancel', '-f', file, '--sandbox', '--yes'], { env: ENV }).code, 0);
}

test('recovery of an interrupted create writes no secret in plain text, even when killed at its import', async () => {
  await killMidCreate();
  assert.equal(checkpointOf(home, stackOf(shape)).pending.length > 0, true, 'the kill left a pending create to settle');

  // A recovery killed at its import step: the private folder may stay, never in plain text.
  const killed = home.start(['apply', '-f', file, '--sandbox', '--yes'], { env: ENV });
  const importFolder = (): string | undefined => readdirSync(tmp).find((name) => name.startsWith('openmcf-import-'));
  const watched = watchWhile(killed.done);
  await waitUntil(
    () => importFolder() !== undefined || killed.child.exitCode !== null,
    120_000,
    () => `no import folder:\n${killed.stderr}`,
  );
  const folder = importFolder();
  if (folder !== undefined) {
    assert.equal(statSync(join(tmp, folder)).mode & 0o777, 0o700, 'the folder is private');
    killed.signal('SIGKILL');
  }
  await killed.done;
  assert.deepEqual(await watched, [], 'no planted value in any file while the recovery ran and after its kill');
  assert.ok(!readdirSync(tmp).some((name) => name.startsWith('automation-')), "no decrypted export of the SDK's");
  await waitForStaleLock(home);
  home.run(['cancel', '-f', file, '--sandbox', '--yes'], { env: ENV });

  const recovered = home.start(['apply', '-f', file, '--sandbox', '--yes'], { env: ENV });
  const seen = await watchWhile(recovered.done);
  assert.equal(await recovered.done, 0, recovered.stderr);
  assert.deepEqual(seen, [], 'no planted value in any file during the recovery that completes');
  assert.ok(!readdirSync(tmp).some((name) => name.startsWith('openmcf-import-')), "the killed run's folder is swept, this run's removed");
  assert.ok(!existsSync(join(tmp, folder ?? 'none')) || folder === undefined);
  assert.equal(Object.keys(home.cloud().containers).length, 1, 'one container: the one the killed create made');
});
