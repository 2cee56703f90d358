import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import type { ParsedDocument } from '../../src/manifest/document.js';
import { substituteVariables } from '../../src/manifest/substitute.js';
import { expandVariables } from '../../src/manifest/expand.js';

function parsed(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  return { file: 'app.yaml', index: 0, document: parseDocument(text, { lineCounter }), lineCounter };
}

test('expandVariables fills ${VAR}, keeps other dollars, and unescapes $${', () => {
  const result = expandVariables('a-${A}-$${A}-$A-$1-${B:-dflt}-$$x', { A: 'one' });
  assert.equal(result.value, 'a-one-${A}-$A-$1-dflt-$$x');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.inserted, ['one', 'dflt']);
  assert.equal(result.changed, true);
  assert.equal(expandVariables('plain $ text', {}).changed, false);
});

test('${VAR:-default} uses the default when the variable is unset or empty, not when it is set', () => {
  assert.equal(expandVariables('${X:-d}', {}).value, 'd');
  assert.equal(expandVariables('${X:-d}', { X: '' }).value, 'd');
  assert.equal(expandVariables('${X:-d}', { X: 'v' }).value, 'v');
  assert.equal(expandVariables('${X:-}', {}).value, '');
  // Without a default, an empty variable is set: it substitutes the empty string.
  assert.equal(expandVariables('${X}', { X: '' }).value, '');
});

test('malformed expressions are reported without quoting the string', () => {
  const unterminated = expandVariables('secret-${PASS', {});
  assert.equal(unterminated.problems[0]?.code, 'substitution.malformed');
  assert.doesNotMatch(unterminated.problems[0]?.message ?? '', /secret/);
  assert.equal(expandVariables('${}', {}).problems[0]?.code, 'substitution.malformed');
  assert.equal(expandVariables('${1ABC}', {}).problems[0]?.code, 'substitution.malformed');
  assert.equal(expandVariables('${A B}', { 'A B': 'x' }).problems[0]?.code, 'substitution.malformed');
});

test('substitutes string values in place, keeping their positions, and never keys', () => {
  const doc = parsed('metadata:\n  name: ${NAME}\n  labels:\n    ${KEY}: x\nspec:\n  image:\n    tag: "v-${TAG}"\n');
  const tagNode = doc.document.getIn(['spec', 'image', 'tag'], true) as { range: [number, number, number] };
  const rangeBefore = [...tagNode.range];
  const { diagnostics } = substituteVariables(doc, { NAME: 'my-api', TAG: '2', KEY: 'k' });
  assert.deepEqual(diagnostics, []);
  assert.equal(doc.document.getIn(['metadata', 'name']), 'my-api');
  assert.equal(doc.document.getIn(['spec', 'image', 'tag']), 'v-2');
  assert.deepEqual(tagNode.range, rangeBefore);
  assert.deepEqual(Object.keys((doc.document.toJS() as { metadata: { labels: object } }).metadata.labels), ['${KEY}']);
});

test('an unset variable is an error at the scalar position, naming the variable and the fix', () => {
  const doc = parsed('apiVersion: scaleway.openmcf.org/v1\nspec:\n  env:\n    variables:\n      - name: A\n        value: ${MISSING_VAR}\n');
  const [problem, ...rest] = substituteVariables(doc, {}).diagnostics;
  assert.equal(rest.length, 0);
  assert.ok(problem);
  assert.equal(problem.file, 'app.yaml');
  assert.equal(problem.line, 6);
  assert.equal(problem.column, 16);
  assert.equal(problem.severity, 'error');
  assert.equal(problem.code, 'substitution.unset-variable');
  assert.equal(problem.path, 'spec.env.variables[0].value');
  assert.match(problem.message, /MISSING_VAR is not set/);
  assert.match(problem.hint ?? '', /export MISSING_VAR/);
  assert.match(problem.hint ?? '', /--env-file/);
});

test('every unset variable of a document is reported, not only the first', () => {
  const doc = parsed('a: ${ONE}\nb:\n  - x-${TWO}-${THREE}\n');
  const problems = substituteVariables(doc, {}).diagnostics;
  assert.deepEqual(
    problems.map((p) => [p.path, p.line, p.message]),
    [
      ['a', 1, 'variable ONE is not set'],
      ['b[0]', 3, 'variable TWO is not set'],
      ['b[0]', 3, 'variable THREE is not set'],
    ],
  );
});

test('a value filled into a secret is returned for masking, whole and in parts', () => {
  const doc = parsed('spec:\n  env:\n    secrets:\n      - name: DATABASE_URL\n        value: postgres://app:${DB_PASS_UNIT}@db:5432/x\n');
  const { secrets } = substituteVariables(doc, { DB_PASS_UNIT: 'pa55-unit-word' });
  assert.equal(doc.document.getIn(['spec', 'env', 'secrets', 0, 'value']), 'postgres://app:pa55-unit-word@db:5432/x');
  assert.equal(secrets.mask('leaked pa55-unit-word here'), 'leaked [secret] here');
  assert.equal(secrets.mask('postgres://app:pa55-unit-word@db:5432/x'), '[secret]');
});

test('a value filled into a plain variable is not returned as a secret', () => {
  const doc = parsed('spec:\n  env:\n    variables:\n      - name: LOG\n        value: ${LOG_LEVEL_UNIT}\n');
  const { secrets } = substituteVariables(doc, { LOG_LEVEL_UNIT: 'verbose-unit' });
  assert.equal(secrets.size, 0);
  assert.equal(secrets.mask('verbose-unit'), 'verbose-unit');
});

test('a substituted number or boolean takes the type the schema gives the field', () => {
  const doc = parsed('spec:\n  port: ${PORT}\n  deploy: "${DEPLOY}"\n  image:\n    tag: ${TAG}\n  env:\n    secrets:\n      - name: PIN\n        value: ${PIN}\n');
  assert.deepEqual(substituteVariables(doc, { PORT: '9000', DEPLOY: 'false', TAG: '2', PIN: '123456' }).diagnostics, []);
  assert.equal(doc.document.getIn(['spec', 'port']), 9000);
  assert.equal(doc.document.getIn(['spec', 'deploy']), false);
  // Strings stay strings even when they look like numbers.
  assert.equal(doc.document.getIn(['spec', 'image', 'tag']), '2');
  assert.equal(doc.document.getIn(['spec', 'env', 'secrets', 0, 'value']), '123456');
});

test('a value that does not fit the field type is left as a string for validation to report', () => {
  const doc = parsed('spec:\n  port: ${PORT}\n');
  substituteVariables(doc, { PORT: '80.5' });
  assert.equal(doc.document.getIn(['spec', 'port']), '80.5');
});
