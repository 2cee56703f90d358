// The output of doctor, load and validate from data: what render/ prints for a report the command
// made, without running the checks or reading files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doctorDocument, renderDoctor, type DoctorReport } from '../../src/render/doctor-report.js';
import { invalidLoadDocument, loadDocument, loadedAsYaml } from '../../src/render/load-output.js';
import { printValidateReport, validateJson, validateSummaryLine, type ValidateReport } from '../../src/render/validate-report.js';
import { loadedManifest } from '../commands/prepared-fixture.js';
import { captureIo } from '../commands/capture-io.js';
import { SecretValues } from '../../src/core/secrets.js';

const failing: DoctorReport = {
  ok: false,
  sandbox: false,
  checks: [
    { name: 'node', ok: true, summary: 'Node.js 20.11.0' },
    { name: 'credentials', ok: false, summary: 'no Scaleway credentials found', fix: 'set SCW_ACCESS_KEY and SCW_SECRET_KEY' },
  ],
};

test('doctor: a line per check with its fix under it, then the verdict; the document adds the api version', () => {
  assert.equal(
    renderDoctor(failing, false),
    'ok   node         Node.js 20.11.0\nFAIL credentials  no Scaleway credentials found\n                  -> set SCW_ACCESS_KEY and SCW_SECRET_KEY\n\nopenmcf cannot apply yet: fix the FAIL lines above. (`openmcf doctor --sandbox` checks the simulated cloud set-up.)\n',
  );
  assert.match(
    renderDoctor({ ok: true, sandbox: true, checks: [failing.checks[0]!] }, false),
    /\n\nopenmcf is ready to apply in the sandbox \(simulated cloud, nothing real is touched\)\.\n$/,
  );
  assert.deepEqual(doctorDocument(failing), { apiVersion: 'openmcf.org/doctor/v1', ...failing });
});

test('load: secrets masked unless shown, the source of each manifest, ignored fields noted', () => {
  const base = loadedManifest('my-api', 'apps/my-api.yaml');
  const withSecret = {
    ...base,
    manifest: { ...base.manifest, spec: { ...base.manifest.spec, env: { variables: [], secrets: [{ name: 'DB_PASSWORD', value: 'hunter2-value' }] } } },
    ignoredFields: ['status'],
  };
  const yaml = loadedAsYaml([withSecret], false);
  assert.match(yaml, /^---\n# source: apps\/my-api\.yaml:1:1\n# status: left out: not used as input/);
  assert.match(yaml, /value: "\[secret\]"/);
  assert.doesNotMatch(yaml, /hunter2-value/);
  assert.match(loadedAsYaml([withSecret], true), /value: hunter2-value/);
  const document = loadDocument({ manifests: [withSecret], diagnostics: [] }, false) as { apiVersion: string; manifests: Array<{ source: unknown; ignoredFields?: string[] }> };
  assert.equal(document.apiVersion, 'openmcf.org/load/v1');
  assert.deepEqual(document.manifests[0]!.source, { file: 'apps/my-api.yaml', line: 1, column: 1, documentIndex: 0 });
  assert.deepEqual(document.manifests[0]!.ignoredFields, ['status']);
  assert.doesNotMatch(JSON.stringify(document), /hunter2-value/);
  assert.deepEqual(invalidLoadDocument([]), { apiVersion: 'openmcf.org/load/v1', manifests: [], diagnostics: [] });
});

test('validate: the closing line counts manifests and files, the document sums them up', async () => {
  const report: ValidateReport = {
    valid: true,
    fileCount: 2,
    secrets: SecretValues.none,
    documents: [
      { file: 'a.yaml', documentIndex: 0, line: 1, column: 1, name: 'a', valid: true, errors: 0, warnings: 0 },
      { file: 'b.yaml', documentIndex: 0, line: 1, column: 1, name: 'b', valid: true, errors: 0, warnings: 0 },
    ],
    diagnostics: [],
  };
  assert.equal(validateSummaryLine(report), '2 manifests valid in 2 files');
  assert.deepEqual(validateJson(report).summary, { files: 2, documents: 2, validDocuments: 2, errors: 0, warnings: 0 });
  const io = captureIo();
  await printValidateReport(io, report, false);
  assert.equal(io.stdout(), '');
  assert.equal(io.stderr(), '2 manifests valid in 2 files\n');
  const json = captureIo();
  await printValidateReport(json, report, true);
  assert.equal((JSON.parse(json.stdout()) as { apiVersion: string }).apiVersion, 'openmcf.org/validate/v1');
});
