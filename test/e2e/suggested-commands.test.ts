// Finding 4 (and the hints of finding 6) of issue 17: the lock message suggested
// `openmcf cancel -f ... -p file --yes`, and cancel had no -p (exit 3); hints printed
// `--set 'spec.env.secrets[1].value=[secret]'`, which run as printed made the secret "[secret]".
// Here the error paths of a run with every kind of flag (a file, --set on a secret, --env-file, -p,
// a backend) print their suggestions, and each one is run exactly as printed, through a shell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { kustomizeBinary } from '../helpers/engine.js';
import { OPENMCF_BIN } from '../helpers/run-openmcf.js';
import { Hold } from '../helpers/hold.js';
import { CloudHome, manifest, REPO_ROOT } from './cloud-run.js';

const home = new CloudHome('openmcf-suggested-');
const API_KEY = 'sk-from-set-7f3a9c';

/** The `openmcf ...` commands a message suggests (in backticks). */
function suggestions(text: string): string[] {
  return [...text.matchAll(/`(openmcf [^`]+)`/g)].map((m) => m[1]!);
}

/** Runs a suggested command as a user pastes it into a shell, with what they have exported. */
function asPrinted(command: string, env: Record<string, string> = {}): { code: number | null; stderr: string } {
  const script = `openmcf() { "${process.execPath}" -- "${OPENMCF_BIN}" "$@"; }; ${command}`;
  const result = spawnSync('sh', ['-c', script], { cwd: REPO_ROOT, env: home.env(env), encoding: 'utf8', timeout: 180_000 });
  return { code: result.status, stderr: result.stderr };
}

test('every command the interrupted, locked and failed paths suggest runs as printed', async () => {
  const state = join(home.dir, 'shared-state');
  mkdirSync(state);
  const providerConfig = home.file('scw.yaml', 'accessKey: SCWABCDEFGHIJKLMNOPQ\nsecretKey: 11111111-2222-3333-4444-555555555555\n');
  const envFile = home.file('run.env', 'UNUSED=1\n');
  const flags = [
    '-f',
    manifest('order-api'),
    '--set',
    `spec.env.secrets[1].value=${API_KEY}`,
    '--env-file',
    envFile,
    '-p',
    providerConfig,
    '--sandbox',
    '--backend',
    `file://${state}`,
  ];
  assert.equal(home.run(['apply', ...flags, '--yes']).code, 0);

  // A run killed by a second Ctrl-C: its hint names cancel, refresh and apply.
  // Stopped in its update (never released: the engine is killed there).
  const hold = new Hold(home.storeDir, 'killed-by-second-ctrl-c', 'Container', 'update');
  const killed = home.start(['apply', ...flags, '--yes', '--set', 'spec.port=8081'], { env: hold.env });
  await hold.waitHeld(120_000, () => killed.stderr);
  await killed.waitFor(/updating container\.\.\./);
  killed.signal('SIGINT');
  await killed.waitFor(/cancelling/);
  killed.signal('SIGINT');
  assert.equal(await killed.done, 130, killed.stderr);
  const afterKill = suggestions(killed.stderr);
  // The next run meets the stale lock: its hint names cancel.
  const locked = home.run(['apply', ...flags, '--yes', '--set', 'spec.port=8085']);
  assert.equal(locked.code, 4, locked.stderr);
  const afterLock = suggestions(locked.stderr);

  const all = [...afterLock, ...afterKill];
  assert.ok(all.some((c) => c.startsWith('openmcf cancel ')) && all.some((c) => c.startsWith('openmcf refresh ')), all.join('\n'));
  for (const command of all) {
    assert.ok(!command.includes('[secret]') && !command.includes(API_KEY), `no secret and no placeholder: ${command}`);
    assert.match(command, / -p \S+/, "the run's flags as given");
  }
  assert.ok(
    all.every((c) => !c.includes('--set') || c.includes('"spec.env.secrets[1].value=$API_KEY"')),
    all.join('\n'),
  );

  // The user exports the secret the suggestion names, and pastes each command (apply gets --yes
  // from no one: without a terminal it says so, exit 3 for that reason only).
  const env = { API_KEY };
  for (const command of [...new Set(all)].sort((a, b) => order(a) - order(b))) {
    const result = asPrinted(command, env);
    if (command.startsWith('openmcf apply ') && !command.includes('--yes')) {
      assert.equal(result.code, 3, result.stderr);
      assert.match(result.stderr, /--yes/);
      assert.equal(asPrinted(`${command} --yes`, env).code, 0);
      continue;
    }
    assert.equal(result.code, 0, `${command}\n${result.stderr}`);
  }
  const outputs = home.run(['outputs', ...flags, '--json']);
  assert.equal(outputs.code, 0, outputs.stderr);
  assert.ok(outputs.stdout.includes('"secret"') || !outputs.stdout.includes(API_KEY));
});

// Issue 20: `outputs` built its own copy of the flags and kept only -f and --sandbox, so for a
// kustomize overlay, a --set or a backend it suggested an apply of another stack (or of nothing).
test('outputs of a stack not yet applied suggests the apply with every flag that chose it, and it runs as printed', () => {
  const state = join(home.dir, 'outputs-state');
  mkdirSync(state);
  const kustomize = { OPENMCF_KUSTOMIZE: kustomizeBinary() };
  const flags = ['--kustomize-dir', 'test/fixtures/kustomize', '--overlay', 'prod', '--set', 'spec.port=8081', '--sandbox', '--backend', `file://${state}`];
  const before = home.run(['outputs', ...flags], { env: kustomize });
  assert.equal(before.code, 1, before.stderr);
  const [hint = '', ...others] = suggestions(before.stderr);
  assert.equal(others.length, 0, before.stderr);
  assert.ok(hint.startsWith('openmcf apply '), before.stderr);
  for (const kept of ['--kustomize-dir test/fixtures/kustomize --overlay prod', '--set spec.port=8081', '--sandbox', `--backend file://${state}`]) {
    assert.ok(hint.includes(kept), `${kept} in: ${hint}`);
  }
  assert.doesNotMatch(hint, / -f /, 'the overlay is named, not the file kustomize built');

  const applied = asPrinted(`${hint} --yes`, kustomize);
  assert.equal(applied.code, 0, applied.stderr);
  const after = home.run(['outputs', ...flags, '--json'], { env: kustomize });
  assert.equal(after.code, 0, after.stderr);
  const document = JSON.parse(after.stdout) as { results: Array<{ stack: string; outputs: Record<string, unknown> }> };
  assert.equal(document.results.length, 1);
  assert.match(document.results[0]!.stack, /kustomized-api$/, 'the stack outputs read is the one the hint applied');
  assert.ok('url' in document.results[0]!.outputs, after.stdout);
});

/** cancel, then refresh, then the rest: the order the hints give. */
function order(command: string): number {
  return command.startsWith('openmcf cancel') ? 0 : command.startsWith('openmcf refresh') ? 1 : 2;
}
