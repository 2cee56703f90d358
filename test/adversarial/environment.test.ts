// Finding 13 of issue 9 (the environment half; prompts are another change): an OPENMCF_HOME that
// is a file or cannot be created, and a malformed OPENMCF_SANDBOX_FAULTS, ended as "internal
// error ... a bug" (exit 1), a hang, or a provider's JavaScript stack trace. Each is invalid input
// (exit 3) with a message naming the variable, before any engine starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../helpers/run-openmcf.js';
import { fixture, printed, run } from './adversarial.js';

const aFile = (): string => {
  const path = join(tempDir('openmcf-adv-env-'), 'not-a-folder');
  writeFileSync(path, 'x');
  return path;
};

test('an OPENMCF_HOME that is a file is invalid input, for the cloud commands, doctor and engine install', () => {
  const home = aFile();
  for (const args of [
    ['preview', '--sandbox'],
    ['apply', '--sandbox', '--yes'],
    ['preview', '--json'],
    ['destroy', '--sandbox', '--yes'],
  ]) {
    const result = run([...args, '-f', fixture('secrets.yaml')], { env: { OPENMCF_HOME: home } });
    assert.equal(result.code, 3, `${args.join(' ')}: ${printed(result)}`);
    assert.match(result.stderr, new RegExp(`^error: OPENMCF_HOME ${home} cannot be used: it is a file, not a folder$`, 'm'));
    assert.doesNotMatch(printed(result), /internal error|\n\s+at /);
  }
  const doctor = run(['doctor', '--sandbox'], { env: { OPENMCF_HOME: home } });
  assert.equal(doctor.code, 1);
  assert.match(doctor.stdout + doctor.stderr, /FAIL backend\s+OPENMCF_HOME .* it is a file, not a folder/);
  // No engine anywhere (PATH holds only node), downloads off: before the check this went looking
  // for Go; now the home is refused first.
  const install = run(['engine', 'install'], { env: { OPENMCF_HOME: home, OPENMCF_PULUMI_CLI: '', OPENMCF_ENGINE_DOWNLOAD: '0', PATH: dirname(process.execPath) } });
  assert.equal(install.code, 3, printed(install));
  assert.match(install.stderr, /OPENMCF_HOME .* it is a file, not a folder/);
});

test('an OPENMCF_HOME that cannot be created says why, and never hangs', () => {
  const cases: Array<[string, RegExp]> = [
    [join(aFile(), 'home'), /a part of that path is a file, not a folder/],
    // Node's recursive mkdir loops forever under /proc; the run used to hang there.
    ['/proc/openmcf-adversarial/home', /a part of that path does not exist and cannot be created/],
  ];
  for (const [home, reason] of cases) {
    const result = run(['preview', '--sandbox', '-f', fixture('secrets.yaml')], { env: { OPENMCF_HOME: home } });
    assert.equal(result.code, 3, `${home}: ${printed(result)}`);
    assert.match(result.stderr, new RegExp(`OPENMCF_HOME ${home} cannot be used: ${reason.source}`));
  }
});

test('a file where the sandbox keeps its folders is named', () => {
  const home = tempDir('openmcf-adv-env-');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'sandbox'), 'x');
  const result = run(['preview', '--sandbox', '-f', fixture('secrets.yaml')], { env: { OPENMCF_HOME: home } });
  assert.equal(result.code, 3, printed(result));
  assert.match(result.stderr, /the sandbox folder .*sandbox\/state cannot be used: a part of that path is a file/);
});

test('a malformed OPENMCF_SANDBOX_FAULTS is invalid input before any engine starts', () => {
  for (const [faults, reason] of [
    ['garbage', /expected <operation>:<Resource>=<effect>/],
    ['create:Container=418', /an API fault is 409 .* or 500/],
    ['delay:Cron=soon', /a delay is a whole number of milliseconds/],
  ] as const) {
    for (const args of [
      ['preview', '--sandbox'],
      ['apply', '--sandbox', '--yes', '--json'],
    ]) {
      const result = run([...args, '-f', fixture('secrets.yaml')], { env: { OPENMCF_SANDBOX_FAULTS: faults } });
      assert.equal(result.code, 3, printed(result));
      assert.match(result.stderr, new RegExp(`^error: OPENMCF_SANDBOX_FAULTS: cannot read rule "${faults}": ${reason.source}`, 'm'));
      assert.doesNotMatch(printed(result), /exited prematurely|\n\s+at /);
    }
  }
});
