// Finding 14 of issue 9: an engine given by OPENMCF_PULUMI_CLI older than the minimum was used,
// and an engine that reported no events made `preview --detailed-exitcode` say "no changes"
// (exit 0). Both through the binary, with stand-in `pulumi` scripts (no real engine needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run-openmcf.js';
import { fixture, printed, run } from './adversarial.js';

/** A `pulumi` that reports `version` and does nothing else, successfully. */
function silentEngine(version: string): string {
  const path = join(tempDir('openmcf-adv-engine-'), 'pulumi');
  writeFileSync(path, `#!/bin/sh\ncase "$1" in\n  version) echo v${version} ;;\n  *) exit 0 ;;\nesac\n`);
  chmodSync(path, 0o755);
  return path;
}

test('an OPENMCF_PULUMI_CLI older than the minimum is refused, naming its version', () => {
  const engine = silentEngine('3.100.0');
  const result = run(['preview', '--sandbox', '-f', fixture('secrets.yaml')], { env: { OPENMCF_PULUMI_CLI: engine } });
  assert.equal(result.code, 3, printed(result));
  assert.match(result.stderr, /^error: the Pulumi CLI set by OPENMCF_PULUMI_CLI \(or --pulumi-cli\) is v3\.100\.0, older than the v3\.181\.0 openmcf needs/m);
  assert.doesNotMatch(result.stdout + result.stderr, /no changes/);
});

test('an engine that reports no summary is a failure, never "no changes"', () => {
  const engine = silentEngine('3.274.1');
  const preview = run(['preview', '--sandbox', '--detailed-exitcode', '-f', fixture('secrets.yaml'), '--json'], { env: { OPENMCF_PULUMI_CLI: engine } });
  assert.equal(preview.code, 1, printed(preview));
  const document = JSON.parse(preview.stdout) as { results: { status: string; error: { code: string; message: string } }[] };
  assert.equal(document.results[0]?.status, 'failed');
  assert.equal(document.results[0]?.error.code, 'engine-no-summary');
  assert.match(document.results[0]?.error.message ?? '', /finished the preview without reporting its summary/);
  // apply --yes previews and updates in one engine run (one hold of the lock): the missing summary
  // is met at the end of that run.
  const apply = run(['apply', '--sandbox', '--yes', '-f', fixture('secrets.yaml')], { env: { OPENMCF_PULUMI_CLI: engine } });
  assert.equal(apply.code, 1, printed(apply));
  assert.match(apply.stderr, /the engine finished the update without reporting its summary/);
  const direct = run(['apply', '--sandbox', '--yes', '--skip-preview', '-f', fixture('secrets.yaml')], { env: { OPENMCF_PULUMI_CLI: engine } });
  assert.equal(direct.code, 1, printed(direct));
  assert.match(direct.stderr, /the engine finished the update without reporting its summary/);
  assert.doesNotMatch(apply.stderr, /Unexpected end of JSON input/);
});
