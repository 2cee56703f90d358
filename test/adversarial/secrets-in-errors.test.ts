// Finding 1 of issue 9: a malformed `--set` on a path that holds secrets printed the value (a type
// error on env.secrets[i], JSON that does not parse on spec.env.secrets or spec.env), on stderr,
// in --json and in GitHub annotations. Every class of mistake is tried here, through the built
// binary, on a validate run (human text and annotations) and a cloud command's --json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, printed, run } from './adversarial.js';

const MARK = 'Leak3d-Val';

/** Flags that must fail, each carrying MARK somewhere in what it would set. */
const BAD_FLAGS: readonly { readonly flag: string; readonly shows: RegExp }[] = [
  // type errors on an entry and on its value
  { flag: `spec.env.secrets[0]=${MARK}1`, shows: /spec\.env\.secrets\[0\]: must be an object in JSON/ },
  { flag: `spec.env.secrets[0]={"name":"A","value":"${MARK}2"`, shows: /must be an object in JSON/ },
  { flag: `spec.env.secrets[0].value={"x":"${MARK}3"}`, shows: /valid|must be/ }, // a string field: taken as a string; masked if printed
  { flag: `spec.env.secrets[0].value.deeper=${MARK}4`, shows: /has no fields/ },
  // list / object not valid JSON, or of the wrong shape
  { flag: `spec.env.secrets=[{"name":"A","value":"${MARK}5"`, shows: /spec\.env\.secrets: must be a list in JSON/ },
  { flag: `spec.env.secrets="${MARK}6"`, shows: /must be a list in JSON/ },
  { flag: `spec.env={"secrets":[{"name":"A","value":"${MARK}7"}`, shows: /spec\.env: must be an object in JSON/ },
  { flag: `spec.env={"secrets":"${MARK}8"}`, shows: /spec\.env\.secrets: must be a list/ },
  { flag: `spec={"env":"${MARK}9"}`, shows: /spec\.env: must be a mapping/ },
  { flag: `spec.env.secrets=[{"name":"A","value":["${MARK}10"]}]`, shows: /spec\.env\.secrets\[0\]\.value: must be a string/ },
  { flag: `spec.env.secrets=[{"name":"SCW_X","value":"${MARK}11"}]`, shows: /SCW_X.*reserved/ },
  // misspelt paths towards a secret, and paths that cannot be read
  { flag: `spec.env.secerts[0].value=${MARK}12`, shows: /spec\.env\.secerts: unknown field/ },
  { flag: `sepc.env.secrets[0].value=${MARK}13`, shows: /sepc: unknown field/ },
  { flag: `spec.env.secrets[0].vaule=${MARK}14`, shows: /did you mean `value`/ },
  { flag: `spec.env.secrets[x].value=${MARK}15`, shows: /neither a list index/ },
  { flag: `${MARK}16`, shows: /expected path=value/ },
  { flag: `spec.env.secrets[9].value=${MARK}17`, shows: /out of range/ },
];

for (const { flag, shows } of BAD_FLAGS) {
  test(`--set ${flag.replace(MARK, '<secret>')}: the value is in no output`, () => {
    const runs = [
      run(['validate', '-f', fixture('secrets.yaml'), '--set', flag], { env: { GITHUB_ACTIONS: 'true' } }),
      run(['validate', '-f', fixture('secrets.yaml'), '--json', '--set', flag], { env: { GITHUB_ACTIONS: 'true' } }),
      run(['preview', '-f', fixture('secrets.yaml'), '--sandbox', '--json', '--set', flag], { env: { GITHUB_ACTIONS: 'true' } }),
    ];
    for (const result of runs) {
      const output = printed(result);
      assert.ok(!output.includes(MARK), `the secret was printed:\n${output}`);
      assert.ok(!output.includes('file-secret-Xq7'), `the file's secret was printed:\n${output}`);
      assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
    }
    const [human, json] = runs;
    // Still a useful error: exit 3 (unless the value was fine as a string), the flag's path named.
    if (human?.code === 3) {
      assert.match(human.stderr, shows);
      assert.match(human.stdout, /^::error title=openmcf /m, 'an annotation');
      assert.equal((JSON.parse(json?.stdout ?? '') as { valid: boolean }).valid, false);
    } else {
      assert.equal(human?.code, 0, human?.stderr);
    }
  });
}

test('a value that is fine as a string stays secret when it is accepted', () => {
  const result = run(['load', '-f', fixture('secrets.yaml'), '--json', '--set', `spec.env.secrets[0].value={"x":"${MARK}"}`]);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(!printed(result).includes(MARK));
});

test('substitution errors inside a secret quote nothing of it, not even a ${name} in it', () => {
  for (const args of [['validate'], ['validate', '--json'], ['preview', '--sandbox', '--json']]) {
    const result = run([...args, '-f', fixture('secret-substitution.yaml')], { env: { GITHUB_ACTIONS: 'true' } });
    assert.equal(result.code, 3, printed(result));
    const output = printed(result);
    for (const piece of ['Hun7er', 'Frag9ment', 'Tail', 'Pre5fix', 'Unclosed', 'Listed-S3cret']) {
      assert.ok(!output.includes(piece), `${piece} was printed:\n${output}`);
    }
  }
  const human = run(['validate', '-f', fixture('secret-substitution.yaml')]);
  assert.match(human.stderr, /secret-substitution\.yaml:22:16: error: spec\.env\.secrets\[0\]\.value: a \$\{\.\.\.\} variable in this secret value is not set/);
  assert.match(human.stderr, /secret-substitution\.yaml:24:16: error: spec\.env\.secrets\[1\]\.value: "\$\{" without a closing "\}"/);
  assert.match(human.stderr, /secret-substitution\.yaml:26:16: error: spec\.env\.secrets\[2\]\.value: must be a string/);
});

test('flags that touch no secret still quote their value', () => {
  const result = run(['validate', '-f', fixture('secrets.yaml'), '--set', 'spec.env.variables=[1', '--set', 'spec.minScal=1']);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /^--set spec\.env\.variables=\[1: error: spec\.env\.variables: must be a list in JSON, e\.g\. \["node","server\.js"\], got "\[1"$/m);
  assert.match(result.stderr, /^--set spec\.minScal=1: error: spec\.minScal: unknown field$/m);
});
