// `openmcf outputs` from data: a stack's outcome becomes what render/outputs-text.ts prints (all
// outputs, one raw value, export lines), with the exit codes the binary returns; no engine, no state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExitCode, OpenmcfError } from '../../src/core/errors.js';
import { emptyChangeCounts } from '../../src/engine/events.js';
import { outputsReport } from '../../src/commands/outputs.js';
import { printOutputs, type StackOutputsReport } from '../../src/render/outputs-text.js';
import { captureIo } from './capture-io.js';
import { preparedStack } from './prepared-fixture.js';

const OUTPUTS = {
  url: { value: 'https://my-api-abc.functions.fnc.fr-par.scw.cloud', secret: false },
  status: { value: 'ready', secret: false },
  containerId: { value: 'fr-par/11111111-2222-3333-4444-555555555555', secret: false },
  errorMessage: { value: '', secret: false },
  apiToken: { value: 'tok-very-secret', secret: true },
  'odd-name': { value: 'x', secret: false },
};

function report(label: string, overrides: Partial<StackOutputsReport> = {}): StackOutputsReport {
  return { label, stack: `my-org/my-project/dev.ScalewayServerlessContainer.${label}`, rerunArgs: `-f ${label}.yaml --sandbox`, outputs: OUTPUTS, ...overrides };
}

test('a stack outcome carries its label, stack, rerun flags, outputs and status time into the report', () => {
  const prepared = preparedStack('my-api');
  const found = outputsReport({ prepared, status: 'succeeded', counts: emptyChangeCounts(), changes: [], outputs: OUTPUTS, durationMs: 3, statusAsOf: '2026-12-07T02:55:01.000Z' });
  assert.deepEqual(found, {
    label: 'my-api',
    stack: 'my-org/my-project/dev.ScalewayServerlessContainer.my-api',
    rerunArgs: '-f my-api.yaml --sandbox',
    outputs: OUTPUTS,
    statusAsOf: '2026-12-07T02:55:01.000Z',
  });
  const error = new OpenmcfError('stack x does not exist', { exitCode: ExitCode.failed, code: 'stack-not-found' });
  const failed = outputsReport({ prepared, status: 'failed', counts: emptyChangeCounts(), changes: [], durationMs: 3, error });
  assert.equal(failed.error, error);
  assert.equal('outputs' in failed, false);
});

test('all outputs of one stack: unindented, known ones first in reading order, empty ones left out, secrets masked, and the status note on stderr', () => {
  const io = captureIo();
  const codes = printOutputs(io, [report('my-api', { statusAsOf: '2026-12-07T02:55:01.000Z' })], { shell: false, showSecrets: false });
  assert.deepEqual(codes, []);
  assert.equal(
    io.stdout(),
    [
      'containerId: fr-par/11111111-2222-3333-4444-555555555555',
      'url:         https://my-api-abc.functions.fnc.fr-par.scw.cloud',
      'status:      ready',
      'apiToken:    [secret]',
      'odd-name:    x',
      '',
    ].join('\n'),
  );
  assert.equal(io.stderr(), 'note: my-api: status is as of the last run (2026-12-07 02:55:01 UTC); `openmcf status -f my-api.yaml --sandbox` reads the live one\n');
});

test('several stacks: a heading per stack, values indented; --show-secrets shows the secret', () => {
  const io = captureIo();
  printOutputs(io, [report('my-api', { outputs: { apiToken: OUTPUTS.apiToken } }), report('worker', { outputs: { url: OUTPUTS.url } })], { shell: false, showSecrets: true });
  assert.equal(
    io.stdout(),
    '# my-api (stack my-org/my-project/dev.ScalewayServerlessContainer.my-api)\n  apiToken: tok-very-secret\n# worker (stack my-org/my-project/dev.ScalewayServerlessContainer.worker)\n  url: https://my-api-abc.functions.fnc.fr-par.scw.cloud\n',
  );
});

test('one output by name: its raw value alone; an unknown name or a hidden secret is invalid input with nothing on stdout', () => {
  const io = captureIo();
  assert.deepEqual(printOutputs(io, [report('my-api')], { name: 'url', shell: false, showSecrets: false }), []);
  assert.equal(io.stdout(), 'https://my-api-abc.functions.fnc.fr-par.scw.cloud\n');
  assert.equal(io.stderr(), '');

  const unknown = captureIo();
  assert.deepEqual(printOutputs(unknown, [report('my-api')], { name: 'nope', shell: false, showSecrets: false }), [ExitCode.invalidInput]);
  assert.equal(unknown.stdout(), '');
  assert.match(
    unknown.stderr(),
    /^error: stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api has no output named "nope"\n {2}its outputs: apiToken, containerId, errorMessage, odd-name, status, url\n$/,
  );

  const secret = captureIo();
  assert.deepEqual(printOutputs(secret, [report('my-api')], { name: 'apiToken', shell: false, showSecrets: false }), [ExitCode.invalidInput]);
  assert.equal(secret.stdout(), '');
  assert.match(secret.stderr(), /output "apiToken" of stack \S+ is secret\n {2}add --show-secrets to print its value/);
  assert.doesNotMatch(secret.stderr(), /tok-very-secret/);
});

test('--shell: single-quoted export lines, names a shell cannot take and secrets left out (said on stderr)', () => {
  const io = captureIo();
  printOutputs(io, [report('my-api', { outputs: { ...OUTPUTS, quote: { value: "it's", secret: false } } })], { shell: true, showSecrets: false });
  assert.equal(
    io.stdout(),
    [
      "export containerId='fr-par/11111111-2222-3333-4444-555555555555'",
      "export errorMessage=''",
      "export quote='it'\\''s'",
      "export status='ready'",
      "export url='https://my-api-abc.functions.fnc.fr-par.scw.cloud'",
      '',
    ].join('\n'),
  );
  assert.equal(io.stderr(), 'note: left out secret output apiToken; add --show-secrets to include it\n');
});

test('a stack that failed: its error and hint on stderr, its exit code returned, nothing on stdout', () => {
  const io = captureIo();
  const error = new OpenmcfError('stack s does not exist on file:///x: nothing was deployed from my-api yet', {
    exitCode: ExitCode.failed,
    code: 'stack-not-found',
    hint: 'Run `openmcf apply -f my-api.yaml` first.',
  });
  const { outputs: _none, ...withoutOutputs } = report('my-api');
  const codes = printOutputs(io, [{ ...withoutOutputs, error }, report('worker', { outputs: { url: OUTPUTS.url } })], { shell: false, showSecrets: false });
  assert.deepEqual(codes, [ExitCode.failed]);
  assert.equal(io.stderr(), 'x my-api\n    error: stack s does not exist on file:///x: nothing was deployed from my-api yet\n    Run `openmcf apply -f my-api.yaml` first.\n');
  assert.equal(io.stdout(), '# worker (stack my-org/my-project/dev.ScalewayServerlessContainer.worker)\n  url: https://my-api-abc.functions.fnc.fr-par.scw.cloud\n');
});
