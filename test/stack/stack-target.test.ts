import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStackTarget } from '../../src/stack/stack-target.js';
import { LABELS_OK, manifest } from '../program/manifest-fixture.js';
import { inputError } from '../helpers/input-error.js';

const FILE = { url: 'file:///tmp/state', kind: 'file' as const };
const S3 = { url: 's3://bucket/prefix', kind: 'self-managed' as const };
const CLOUD = { url: 'https://api.pulumi.com', kind: 'cloud' as const };

test('the three labels name the project and stack; self-managed backends use the literal organization', () => {
  const target = resolveStackTarget(manifest(), { backend: FILE, sandbox: false });
  assert.deepEqual(target, {
    projectName: 'my-project',
    stackName: 'organization/my-project/dev.ScalewayServerlessContainer.order-api',
    displayName: 'my-org/my-project/dev.ScalewayServerlessContainer.order-api',
    organization: 'my-org',
    stack: 'dev.ScalewayServerlessContainer.order-api',
    backendUrl: 'file:///tmp/state',
    backendKind: 'file',
    sandbox: false,
  });
  assert.equal(resolveStackTarget(manifest(), { backend: S3, sandbox: false }).stackName, 'organization/my-project/dev.ScalewayServerlessContainer.order-api');
});

test('Pulumi Cloud keeps the real organization', () => {
  const target = resolveStackTarget(manifest(), { backend: CLOUD, sandbox: false });
  assert.equal(target.stackName, 'my-org/my-project/dev.ScalewayServerlessContainer.order-api');
  assert.equal(target.backendKind, 'cloud');
});

test('stack.fqdn wins over the other labels', () => {
  const labels = { ...LABELS_OK, 'pulumi.openmcf.org/stack.fqdn': 'other-org/other-project/prod.api' };
  const target = resolveStackTarget(manifest({}, { labels }), { backend: CLOUD, sandbox: true });
  assert.equal(target.projectName, 'other-project');
  assert.equal(target.stackName, 'other-org/other-project/prod.api');
  assert.equal(target.organization, 'other-org');
  assert.equal(target.sandbox, true);
});

test('--stack beats the labels', () => {
  const target = resolveStackTarget(manifest(), { backend: FILE, sandbox: false, stackOverride: 'a/b/c' });
  assert.equal(target.stackName, 'organization/b/c');
  assert.equal(target.displayName, 'a/b/c');
});

test('missing labels are named in the error', () => {
  const labels = { 'pulumi.openmcf.org/organization': 'my-org' };
  assert.throws(
    () => resolveStackTarget(manifest({}, { labels }), { backend: FILE, sandbox: false }),
    inputError('stack-labels-missing', /manifest "order-api": missing required Pulumi stack labels: pulumi\.openmcf\.org\/project, pulumi\.openmcf\.org\/stack\.name/),
  );
});

test('empty labels are refused', () => {
  const labels = { ...LABELS_OK, 'pulumi.openmcf.org/project': '  ' };
  assert.throws(
    () => resolveStackTarget(manifest({}, { labels }), { backend: FILE, sandbox: false }),
    inputError('stack-labels-empty', /cannot be empty: pulumi\.openmcf\.org\/project$/),
  );
});

test('a malformed fqdn is refused', () => {
  for (const fqdn of ['org/project', 'org//stack', 'a/b/c/d', '']) {
    const labels = { 'pulumi.openmcf.org/stack.fqdn': fqdn };
    assert.throws(
      () => resolveStackTarget(manifest({}, { labels }), { backend: FILE, sandbox: false }),
      inputError('stack-fqdn-malformed', /pulumi\.openmcf\.org\/stack\.fqdn must be <org>\/<project>\/<stack>/),
      fqdn,
    );
  }
  assert.throws(() => resolveStackTarget(manifest(), { backend: FILE, sandbox: false, stackOverride: 'x' }), inputError('stack-fqdn-malformed', /--stack/));
});

test('names Pulumi would refuse are refused up front', () => {
  const labels = { ...LABELS_OK, 'pulumi.openmcf.org/stack.name': 'dev stack' };
  assert.throws(
    () => resolveStackTarget(manifest({}, { labels }), { backend: FILE, sandbox: false }),
    inputError('stack-name-invalid', /label pulumi\.openmcf\.org\/stack\.name: "dev stack" is not a valid Pulumi stack name/),
  );
  assert.throws(
    () => resolveStackTarget(manifest(), { backend: FILE, sandbox: false, stackOverride: `a/b/${'x'.repeat(101)}` }),
    inputError('stack-name-invalid', /--stack \(stack part\)/),
  );
});
