import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocuments } from '../../src/manifest/parse.js';
import { locate, documentStart } from '../../src/manifest/locate.js';
import { displayPath, pointerToPath, schemaPathKey } from '../../src/manifest/path.js';
const TEXT = `# comment
defaults: &defaults
  region: fr-par
spec:
  <<: *defaults
  port: 8080
  empty:
  env:
    variables:
      - name: A
        value: x
`;
const doc = parseDocuments({ file: 'm.yaml', text: TEXT }).documents[0];
test('a value is located at its first character, a key at the key', () => {
    assert.deepEqual(locate(doc, ['spec', 'port']), { line: 6, column: 9 });
    assert.deepEqual(locate(doc, ['spec', 'port'], 'key'), { line: 6, column: 3 });
    assert.deepEqual(locate(doc, ['spec', 'env', 'variables', 0, 'name']), { line: 10, column: 15 });
    assert.deepEqual(locate(doc, ['spec', 'env', 'variables', 0]), { line: 10, column: 9 });
});
test('an empty value points at its key', () => {
    assert.deepEqual(locate(doc, ['spec', 'empty']), { line: 7, column: 3 });
});
test('a path that leads nowhere in the text points at the deepest ancestor that exists', () => {
    assert.deepEqual(locate(doc, ['spec', 'env', 'secrets']), { line: 9, column: 5 });
    // Merged in by `<<`: not written under spec, so spec itself.
    assert.deepEqual(locate(doc, ['spec', 'region']), { line: 5, column: 3 });
});
test('the document starts at its first key, after comments', () => {
    assert.deepEqual(documentStart(doc), { line: 2, column: 1 });
});
test('paths display the way users read them', () => {
    assert.equal(displayPath(['spec', 'env', 'variables', 0, 'name']), 'spec.env.variables[0].name');
    assert.equal(displayPath(['metadata', 'labels', 'pulumi.openmcf.org/stack.name']), 'metadata.labels["pulumi.openmcf.org/stack.name"]');
    assert.equal(displayPath([]), '');
    assert.equal(schemaPathKey(['spec', 'cronTriggers', 3, 'args']), 'spec.cronTriggers[].args');
});
test('JSON pointers become paths, array indices as numbers, escapes undone', () => {
    const data = { spec: { env: { variables: [{ name: 'A' }] } }, metadata: { labels: { 'a/b': 'x', '0': 'y' } } };
    assert.deepEqual(pointerToPath('/spec/env/variables/0/name', data), ['spec', 'env', 'variables', 0, 'name']);
    assert.deepEqual(pointerToPath('/metadata/labels/a~1b', data), ['metadata', 'labels', 'a/b']);
    assert.deepEqual(pointerToPath('/metadata/labels/0', data), ['metadata', 'labels', '0']);
    assert.deepEqual(pointerToPath('', data), []);
});
