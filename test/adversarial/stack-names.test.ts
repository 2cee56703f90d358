// Finding 2 of issue 9: stack or project names `.` and `..` passed validation, and on a file
// backend `org/p1/..` and `org/p2/..` were one state file: applying the second deleted the
// first's container. Names are checked by the engine's own rules (and `.`/`..` refused) before
// anything runs; two manifests of one run that map to one engine stack are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, printed, run } from './adversarial.js';
import { tempDir } from '../helpers/run-openmcf.js';

test('`.`, `..` and names the engine refuses are invalid manifests, at their label', () => {
  const result = run(['validate', '-f', 'stack-dot-dot.yaml']);
  assert.equal(result.code, 3, printed(result));
  assert.match(
    result.stderr,
    /^stack-dot-dot\.yaml:8:36: error: metadata\.labels\["pulumi\.openmcf\.org\/stack\.fqdn"\]: `\.\.` is not a valid Pulumi stack name: it names a folder/m,
  );
  assert.match(result.stderr, /^stack-dot-dot\.yaml:20:33: error: .*project"\]: `\.` is not a valid Pulumi project name/m);
  assert.match(result.stderr, /^stack-dot-dot\.yaml:33:33: error: .*`1project` is not a valid Pulumi project name: it must start with a letter/m);
  assert.match(result.stderr, /^stack-dot-dot\.yaml:34:36: error: .*`dev\/x` is not a valid Pulumi stack name: it may only contain .*"\/" at position 4/m);
  assert.match(result.stderr, /0 of 3 manifests valid/);
});

test('--stack with `..` is refused before the engine starts; nothing is written to the state', () => {
  const home = tempDir('openmcf-adv-home-');
  const result = run(['apply', '--sandbox', '--yes', '-f', fixture('secrets.yaml'), '--stack', 'my-org/p1/..'], { env: { OPENMCF_HOME: home } });
  assert.equal(result.code, 3, printed(result));
  assert.match(result.stderr, /--stack \(stack part\): "\.\." is not a valid Pulumi stack name/);
  assert.equal(existsSync(join(home, 'sandbox', 'state', '.pulumi')), false, 'the state was touched');
});

test('two organizations, one project and stack: one engine stack on a self-managed backend, refused', () => {
  const result = run(['apply', '--sandbox', '--yes', '-f', 'same-engine-stack.yaml']);
  assert.equal(result.code, 3, printed(result));
  assert.match(
    result.stderr,
    /^error: same-engine-stack\.yaml:3 and same-engine-stack\.yaml:14 both deploy to stack organization\/shared\/dev \(team-a\/shared\/dev and team-b\/shared\/dev: this backend keeps no organization\)$/m,
  );
});

test("Pulumi Cloud's organization rule applies only where the organization is used", () => {
  const cloud = run(['preview', '--backend', 'https://api.pulumi.com', '--stack', 'o/p/s', '-f', fixture('secrets.yaml')]);
  assert.equal(cloud.code, 3, printed(cloud));
  assert.match(cloud.stderr, /"o" is not a valid Pulumi Cloud organization: it must be 3 to 40 letters/);
  const validate = run(['validate', '-f', fixture('secrets.yaml'), '--set', 'metadata.labels.pulumi.openmcf.org/organization=o']);
  assert.equal(validate.code, 0, printed(validate));
});
