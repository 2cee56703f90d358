// The README's JSON example is a real run: run it again and compare, field by field. Only the
// backend's folder and the duration differ from machine to machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, MANIFESTS, REPO_ROOT, parseJson } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-readme-json-');

function readmeExample(): { command: string[]; document: ResultDocument } {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('`openmcf.org/result/v1`, one entry per manifest.'));
  const command = /`openmcf (preview [^`]+)`/.exec(section)?.[1];
  const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  assert.ok(command && json, 'the README has the example and the command it came from');
  return { command: command.split(' '), document: JSON.parse(json) as ResultDocument };
}

test("the README's --json example is what that command prints", () => {
  const { command, document } = readmeExample();
  // "after an apply", in the manifests folder, as the example's file name says.
  const run = (args: string[]) => home.run(args, { cwd: MANIFESTS });
  assert.equal(run(['apply', '-f', 'my-api.yaml', '--sandbox', '--yes']).code, 0);
  const result = run(command);
  assert.equal(result.code, document.exitCode, result.stderr);
  const real = parseJson<ResultDocument>(result.stdout);
  const normalise = (d: ResultDocument): unknown => ({
    ...d,
    results: d.results.map((r) => ({ ...r, backend: r.backend.replace(/^file:\/\/.*\/sandbox\/state$/, 'file://…/sandbox/state'), durationMs: typeof r.durationMs })),
  });
  assert.deepEqual(normalise(real), normalise(document));
});
