// Finding 2 of issue 17: with `--backend postgres://user:PASSWORD@...` the password was written to
// `$PULUMI_HOME/workspaces/*-workspace.json` after every run and to the temporary workspace's
// Pulumi.yaml (0644) during one, left behind by every `kill -9`. Now no secret value, credential or
// passphrase is in any file under the run's TMPDIR, PULUMI_HOME or OPENMCF_HOME, after a run or
// after a hard kill mid-run; what openmcf and the engine create there is private (0700 / 0600);
// and the workspace folders a killed run left are swept by the next one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOpenmcf, startOpenmcf, TEST_PASSPHRASE, type EnvOptions } from '../helpers/run-openmcf.js';
import { looseModes, plantedIn } from '../helpers/files-at-rest.js';
import { Hold } from '../helpers/hold.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server.js';
import { Background, EXAMPLE_SECRETS, manifest } from './cloud-run.js';

const PASSPHRASE = TEST_PASSPHRASE;

/** A run's three places, none of them existing before openmcf or the engine makes it (but TMPDIR). */
class Places {
  readonly root = mkdtempSync(join(tmpdir(), 'openmcf-at-rest-'));
  readonly openmcfHome = join(this.root, 'openmcf-home');
  readonly pulumiHome = join(this.root, 'pulumi-home');
  readonly tmp = join(this.root, 'tmp');
  /** The sandbox's local API store. */
  readonly storeDir = join(this.openmcfHome, 'sandbox', 'api');

  constructor() {
    mkdirSync(this.tmp, { mode: 0o700 });
    process.on('exit', () => rmSync(this.root, { recursive: true, force: true }));
  }

  /** A run here: its TMPDIR too is one of the places looked at. */
  options(extra: Record<string, string> = {}): EnvOptions {
    return { home: this.openmcfHome, pulumiHome: this.pulumiHome, passphrase: TEST_PASSPHRASE, env: { TMPDIR: this.tmp, ...extra } };
  }

  run(args: readonly string[], extra: Record<string, string> = {}): { code: number | null; stderr: string } {
    const { code, stderr } = runOpenmcf(args, this.options(extra));
    return { code, stderr };
  }

  start(args: readonly string[], extra: Record<string, string> = {}): Background {
    return startOpenmcf(args, this.options(extra));
  }

  /** The secret values planted in this run: the manifest's, the passphrases, the extra ones. */
  secrets(extra: readonly string[] = []): string[] {
    let sandboxPassphrase: string[] = [];
    try {
      sandboxPassphrase = [readFileSync(this.sandboxPassphraseFile, 'utf8').trim()];
    } catch {
      // no sandbox run yet
    }
    return [...EXAMPLE_SECRETS, PASSPHRASE, ...sandboxPassphrase, ...extra];
  }

  get sandboxPassphraseFile(): string {
    return join(this.openmcfHome, 'sandbox', 'passphrase');
  }

  /** Everything the three places hold in plain text of the planted values (the passphrase file
   * itself excepted: it is the key, 0600, as the README says). */
  planted(extra: readonly string[] = []): string[] {
    return plantedIn([this.tmp, this.pulumiHome, this.openmcfHome], this.secrets(extra), { skip: (path) => path === this.sandboxPassphraseFile });
  }

  loose(): string[] {
    return [this.openmcfHome, this.pulumiHome].flatMap((root) => looseModes(root)).concat(readdirSync(this.tmp).flatMap((entry) => looseModes(join(this.tmp, entry))));
  }

  workspaceFolders(): string[] {
    return readdirSync(this.tmp).filter((entry) => entry.startsWith('openmcf-ws-'));
  }
}

test('a sandbox apply and destroy leave no secret, private modes and no workspace folder behind', () => {
  const places = new Places();
  const applied = places.run(['apply', '-f', manifest('order-api'), '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.deepEqual(places.planted(), []);
  assert.deepEqual(places.loose(), [], 'OPENMCF_HOME, PULUMI_HOME and what the run put in TMPDIR are 0700 / 0600');
  assert.deepEqual(places.workspaceFolders(), []);
  assert.deepEqual(readdirSync(join(places.pulumiHome, 'workspaces')), [], "the engine's workspace file goes with the temporary folder");
  const destroyed = places.run(['destroy', '-f', manifest('order-api'), '--sandbox', '--yes']);
  assert.equal(destroyed.code, 0, destroyed.stderr);
  assert.deepEqual(places.planted(), []);
  assert.deepEqual(places.loose(), []);
});

test('a sandbox run killed with SIGKILL mid-update leaves no secret; the next run sweeps its folder', async () => {
  const places = new Places();
  assert.equal(places.run(['apply', '-f', manifest('order-api'), '--sandbox', '--yes']).code, 0);
  // Killed while its update is held (never released: the run dies there).
  const hold = new Hold(places.storeDir, 'killed-mid-update', 'Container', 'update');
  const killed = places.start(['apply', '-f', manifest('order-api'), '--sandbox', '--yes', '--set', 'spec.port=8081'], hold.env);
  await hold.waitHeld(120_000, () => killed.stderr);
  await killed.waitFor(/updating container\.\.\./);
  killed.signal('SIGKILL');
  await killed.done;
  const left = places.workspaceFolders();
  assert.ok(left.length >= 1, 'the killed run left its workspace folder');
  for (const folder of left) assert.match(folder, new RegExp(`^openmcf-ws-${killed.child.pid}-`), 'named after its process');
  assert.deepEqual(places.planted(), [], 'nothing in plain text while the killed engine may still be running');
  assert.deepEqual(places.loose(), []);

  // The killed run's engine outlives it for a moment, holding the lock: cancel refuses (exit 4)
  // until that process is gone, then releases the lock.
  let released = places.run(['cancel', '-f', manifest('order-api'), '--sandbox', '--yes']);
  for (let tries = 0; released.code === 4 && tries < 30; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    released = places.run(['cancel', '-f', manifest('order-api'), '--sandbox', '--yes']);
  }
  assert.equal(released.code, 0, released.stderr);
  assert.deepEqual(places.workspaceFolders(), [], 'the next run removed the folder of the dead one');
  assert.deepEqual(places.planted(), []);
});

test('postgres://user:PASSWORD@...: the password is in no file, also after a kill -9, and the run works', async (t) => {
  let pg: PostgresServer | undefined;
  t.after(() => pg?.stop());
  pg = await startPostgres();
  const places = new Places();
  const backend = ['--sandbox', '--backend', pg.url];
  const applied = places.run(['apply', '-f', manifest('order-api'), ...backend, '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.deepEqual(places.planted([pg.password]), []);
  assert.deepEqual(places.loose(), []);

  const hold = new Hold(places.storeDir, 'pg-killed-mid-update', 'Container', 'update');
  const killed = places.start(['apply', '-f', manifest('order-api'), ...backend, '--yes', '--set', 'spec.port=8082'], hold.env);
  await hold.waitHeld(120_000, () => killed.stderr);
  await killed.waitFor(/updating container\.\.\./);
  assert.deepEqual(places.planted([pg.password]), [], 'nothing in plain text during a run');
  killed.signal('SIGKILL');
  await killed.done;
  assert.deepEqual(places.planted([pg.password]), [], 'nor after a hard kill');

  // The stale lock's hint names a command that runs as printed: the URL without its password,
  // which comes from PGPASSWORD.
  // (The killed run's engine, held up by the fault, still holds the stack or left its lock.)
  const locked = places.run(['apply', '-f', manifest('order-api'), ...backend, '--yes', '--set', 'spec.port=8083']);
  assert.equal(locked.code, 4, locked.stderr);
  const hint = /`(openmcf cancel [^`]+)`/.exec(locked.stderr)?.[1];
  assert.ok(hint !== undefined, locked.stderr);
  assert.ok(!hint.includes('[secret]') && !hint.includes(pg.password), hint);
  const args =
    hint
      .replace(/^openmcf /, '')
      .match(/'[^']*'|\S+/g)
      ?.map((a) => a.replace(/^'(.*)'$/, '$1')) ?? [];
  const cancelled = places.run(args, { PGPASSWORD: pg.password });
  assert.equal(cancelled.code, 0, cancelled.stderr);
  assert.deepEqual(places.workspaceFolders(), []);
  assert.deepEqual(places.planted([pg.password]), []);
});
