// The tests every shared state backend must pass, through the built binary on the real engine with
// the simulated cloud (`--sandbox --backend <url>`): apply, a no-op preview, outputs, destroy;
// secrets absent from what the backend stores; two runs on one stack from two processes (one goes
// on, the other exits 4 naming the holder); --lock-wait behind a running apply; a lock left by a
// killed run, reported as stale and released with `openmcf cancel`; --shard covering a folder once.
// test/e2e/state-postgres.test.ts and state-s3.test.ts run it against real servers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CloudHome, EXAMPLE_SECRETS, manifest, parseJson, waitUntil, type CloudRun } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';
import { Hold } from '../helpers/hold.js';

export interface StateBackend {
  /** `--backend` for openmcf. */
  readonly url: string;
  /** Credentials the engine needs for it (AWS_*), secrets like the password in the URL. */
  readonly env: Readonly<Record<string, string>>;
  /** Values that must never be printed: passwords, keys. */
  readonly secrets: readonly string[];
  /** Everything the backend stores, as text (table rows, bucket objects). */
  dump(): Array<{ key: string; text: string }>;
  stop(): Promise<void>;
}

const PASSPHRASE = 'team-passphrase-4d1c9e';

export function stateBackendSuite(name: string, start: () => Promise<StateBackend>): void {
  const home = new CloudHome(`openmcf-${name}-`);
  let backend: StateBackend;
  const runs: CloudRun[] = [];
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({ ...backend.env, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE, ...extra });
  const run = (args: string[], extra: Record<string, string> = {}): CloudRun => {
    const result = home.run([...args, '--sandbox', '--backend', backend.url], { env: env(extra) });
    runs.push(result);
    return result;
  };
  const start_ = (args: string[], extra: Record<string, string> = {}) => home.start([...args, '--sandbox', '--backend', backend.url], { env: env(extra) });
  const locks = (): string[] =>
    backend
      .dump()
      .filter((o) => o.key.includes('.pulumi/locks/'))
      .map((o) => o.key);

  test.before(async () => {
    backend = await start();
  });
  test.after(async () => {
    await backend?.stop();
  });

  test(`${name}: apply, a no-op preview, outputs and destroy; no secret in what the backend stores`, () => {
    const applied = run(['apply', '-f', manifest('order-api'), '--yes', '--json']);
    assert.equal(applied.code, 0, applied.stderr);
    const [result] = parseJson<ResultDocument>(applied.stdout).results;
    assert.equal(result?.status, 'succeeded');
    assert.equal(result?.engineStack, 'organization/my-project/dev.ScalewayServerlessContainer.order-api', 'stack names as on every self-managed backend');

    const preview = run(['preview', '-f', manifest('order-api'), '--detailed-exitcode']);
    assert.equal(preview.code, 0, `the state was read back from the backend: ${preview.stderr}`);
    assert.match(preview.stdout, /no changes/);

    // A real command (no sandbox) reads the same state through PULUMI_BACKEND_URL.
    const outputs = home.run(['outputs', '-f', manifest('order-api'), '--json'], { env: env({ PULUMI_BACKEND_URL: backend.url }) });
    runs.push(outputs);
    assert.equal(outputs.code, 0, outputs.stderr);
    assert.equal(parseJson<ResultDocument>(outputs.stdout).results[0]?.outputs?.containerId, result?.outputs?.containerId);

    const stored = backend.dump();
    const state = stored.find((o) => o.key.endsWith('.pulumi/stacks/my-project/dev.ScalewayServerlessContainer.order-api.json'));
    assert.ok(state, `the stack is in the backend: ${stored.map((o) => o.key).join(', ')}`);
    assert.match(state.text, /secretEnvironmentVariables/);
    assert.match(state.text, /"ciphertext"/, 'secrets are stored encrypted');
    for (const object of stored) {
      for (const secret of [...EXAMPLE_SECRETS, PASSPHRASE, ...backend.secrets]) assert.ok(!object.text.includes(secret), `${object.key} holds ${secret} in plain text`);
    }

    const destroyed = run(['destroy', '-f', manifest('order-api'), '--yes']);
    assert.equal(destroyed.code, 0, destroyed.stderr);
    assert.match(destroyed.stdout, /2 deleted/);
    assertNothingPrinted(runs, [...EXAMPLE_SECRETS, PASSPHRASE, ...backend.secrets]);
  });

  test(`${name}: two applies on one stack from two processes: one goes on, the other exits 4 naming the holder`, async () => {
    const first = run(['apply', '-f', manifest('my-api'), '--yes']);
    assert.equal(first.code, 0, first.stderr);
    // The holder stops in its update, holding the lock, until the second run has met it.
    const hold = new Hold(home.storeDir, `${name}-two-applies`, 'Container', 'update');
    const holder = start_(['apply', '-f', manifest('my-api'), '--yes', '--set', 'spec.port=8081'], hold.env);
    try {
      await hold.waitHeld(120_000, () => holder.stderr);
      await waitUntil(
        () => locks().length > 0,
        60_000,
        () => `no lock appeared:\n${holder.stderr}`,
      );
      // A change of its own: apply --yes previews first (no lock) and only its update meets the lock.
      const second = run(['apply', '-f', manifest('my-api'), '--yes', '--json', '--set', 'spec.port=8089']);
      hold.release();
      assert.equal(second.code, 4, second.stderr);
      assert.match(
        second.stderr,
        new RegExp(
          `stack my-org/my-project/dev\\.ScalewayServerlessContainer\\.my-api is locked by another run \\(held by \\S+@${escape(hostname())}, process \\d+, since \\d{4}-\\d\\d-\\d\\dT`,
        ),
      );
      assert.match(second.stderr, /--lock-wait/);
      const [locked] = parseJson<ResultDocument>(second.stdout).results;
      assert.equal(locked?.error?.code, 'stack-locked');
      assert.equal(locked?.error?.exitCode, 4);
      assert.deepEqual(
        locked?.error?.lockHolders?.map((h) => [h.host, h.pid > 0, h.stale, Number.isNaN(Date.parse(h.since))]),
        [[hostname(), true, false, false]],
        'the holder is in the JSON document: this host, a live process, a time',
      );
    } finally {
      hold.release();
      assert.equal(await holder.done, 0, holder.stderr);
    }
    assert.deepEqual(locks(), [], 'the lock is released at the end');
  });

  test(`${name}: --lock-wait waits behind a running apply, then goes on`, async () => {
    // The holder stops in its update, holding the lock, until the waiter says it waits.
    const hold = new Hold(home.storeDir, `${name}-lock-wait`, 'Container', 'update');
    const holder = start_(['apply', '-f', manifest('my-api'), '--yes', '--set', 'spec.port=8082'], hold.env);
    await hold.waitHeld(120_000, () => holder.stderr);
    await waitUntil(
      () => locks().length > 0,
      60_000,
      () => `no lock appeared:\n${holder.stderr}`,
    );
    const waiter = start_(['apply', '-f', manifest('my-api'), '--yes', '--set', 'spec.port=8083', '--lock-wait', '2m']);
    try {
      await waiter.waitFor(/waiting for the lock held by/, 120_000);
    } finally {
      hold.release();
    }
    const [held, waited] = await Promise.all([holder.done, waiter.done]);
    assert.equal(held, 0, holder.stderr);
    assert.equal(waited, 0, waiter.stderr);
    assert.match(waiter.stderr, /my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api: waiting for the lock held by \S+, process \d+, since /);
    assert.match(waiter.stderr, /lock acquired after \d+s/);
    const outputs = run(['preview', '-f', manifest('my-api'), '--set', 'spec.port=8083', '--detailed-exitcode']);
    assert.equal(outputs.code, 0, `the waiting run's change is what the state holds: ${outputs.stderr}`);
  });

  test(`${name}: cancel --yes refuses (exit 4) while the run holding the lock is going, found by its heartbeat`, async () => {
    // The holder stops in its update, holding the lock, until cancel has answered.
    const hold = new Hold(home.storeDir, `${name}-cancel`, 'Container', 'update');
    const holder = start_(['apply', '-f', manifest('my-api'), '--yes', '--set', 'spec.port=8085'], hold.env);
    try {
      await hold.waitHeld(120_000, () => holder.stderr);
      await waitUntil(
        () => locks().length > 0,
        60_000,
        () => `no lock appeared:\n${holder.stderr}`,
      );
      await waitUntil(
        () => backend.dump().some((o) => o.text.includes('openmcf-heartbeat.')),
        60_000,
        () => `no heartbeat tag appeared:\n${holder.stderr}`,
      );
      const refused = run(['cancel', '-f', manifest('my-api'), '--yes']);
      const locksAfterCancel = locks().length;
      hold.release();
      assert.equal(refused.code, 4, refused.stderr);
      assert.match(refused.stderr, /is held by a run that is still going \(openmcf process \d+ is running on this machine\); its lock was not released/);
      assert.equal(locksAfterCancel, 1, 'the lock is still there');
    } finally {
      hold.release();
      assert.equal(await holder.done, 0, holder.stderr);
    }
    assert.ok(!backend.dump().some((o) => o.text.includes('openmcf-heartbeat.')), 'the heartbeat is removed when the run ends');
  });

  test(`${name}: a lock left by a killed run is reported as stale and released with openmcf cancel`, async () => {
    // Stopped in its update (never released: the run is killed there).
    const hold = new Hold(home.storeDir, `${name}-killed`, 'Container', 'update');
    const killed = start_(['apply', '-f', manifest('my-api'), '--yes', '--set', 'spec.port=8084'], hold.env);
    await hold.waitHeld(120_000, () => killed.stderr);
    await killed.waitFor(/updating container\.\.\./);
    killed.signal('SIGINT');
    await killed.waitFor(/cancelling/);
    killed.signal('SIGINT');
    assert.equal(await killed.done, 130, killed.stderr);
    assert.equal(locks().length, 1, 'the killed engine left its lock');

    const refused = run(['apply', '-f', manifest('my-api'), '--yes']);
    assert.equal(refused.code, 4, refused.stderr);
    assert.match(refused.stderr, /which has ended/);
    assert.match(refused.stderr, /the lock is stale: release it with `openmcf cancel -f \S+my-api\.yaml --sandbox --backend \S+ --yes`/);

    const released = run(['cancel', '-f', manifest('my-api'), '--yes']);
    assert.equal(released.code, 0, released.stderr);
    assert.match(released.stderr, /released the lock of stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api/);
    assert.deepEqual(locks(), []);
    const recovered = run(['refresh', '-f', manifest('my-api'), '--clear-pending-creates']);
    assert.equal(recovered.code, 0, recovered.stderr);
  });

  test(`${name}: --shard i/n over a folder covers every manifest exactly once`, () => {
    const folder = join(home.dir, 'fleet');
    mkdirSync(folder, { recursive: true });
    const base = readFileSync(manifest('my-api'), 'utf8');
    const names = Array.from({ length: 5 }, (_, i) => `svc-${i}`);
    for (const svc of names.slice(0, 3)) writeFileSync(join(folder, `${svc}.yaml`), base.replaceAll('my-api', svc));
    // Two documents in one file.
    writeFileSync(
      join(folder, 'pair.yaml'),
      names
        .slice(3)
        .map((svc) => base.replaceAll('my-api', svc))
        .join('\n---\n'),
    );
    const seen: string[] = [];
    for (let index = 1; index <= 3; index += 1) {
      const result = run(['preview', '-f', folder, '--shard', `${index}/3`, '--json']);
      assert.equal(result.code, 0, result.stderr);
      const document = parseJson<ResultDocument>(result.stdout);
      assert.deepEqual(document.shard, { index, count: 3, documents: document.results.length, totalDocuments: 5 });
      seen.push(...document.results.map((r) => r.manifest.name));
    }
    assert.deepEqual([...seen].sort(), names, 'every manifest once, none twice');
  });

  test(`${name}: no run printed a password, key or secret value`, () => {
    assert.ok(runs.length > 10);
    assertNothingPrinted(runs, [...EXAMPLE_SECRETS, PASSPHRASE, ...backend.secrets]);
  });
}

function assertNothingPrinted(runs: readonly CloudRun[], secrets: readonly string[]): void {
  for (const [index, result] of runs.entries()) {
    for (const secret of secrets) {
      assert.ok(!result.stdout.includes(secret), `run ${index} printed a secret on stdout`);
      assert.ok(!result.stderr.includes(secret), `run ${index} printed a secret on stderr`);
    }
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
