import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import { renderPlannedChange, renderRefreshedDrift, replacementWarning } from '../../src/render/diff.js';
import { formatValue } from '../../src/render/format-value.js';
import { UNKNOWN_VALUE } from '../../src/engine/property-changes.js';

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });
const container = { urn: 'urn:pulumi:s::p::scaleway:containers/container:Container::my-api', type: 'scaleway:containers/container:Container', name: 'my-api' };
const namespace = { urn: 'urn:pulumi:s::p::scaleway:containers/namespace:Namespace::my-api', type: 'scaleway:containers/namespace:Namespace', name: 'my-api' };

test('an update shows each property with old and new value', () => {
  const lines = renderPlannedChange(plain, {
    resource: container,
    change: 'update',
    step: 'update',
    properties: [
      { path: 'image', kind: 'update', replaces: false, old: 'rg.fr-par.scw.cloud/reg/a:1', new: 'rg.fr-par.scw.cloud/reg/a:2' },
      { path: 'memoryLimitBytes', kind: 'update', replaces: false, old: 2_048_000_000, new: 4_096_000_000 },
      { path: 'port', kind: 'update', replaces: false, old: 8080, new: 9000 },
    ],
  });
  assert.deepEqual(lines, [
    '  ~  update   container my-api',
    '      ~ spec.image.tag: "1" -> "2"  (image)',
    '      ~ spec.memoryLimitMb: 2048 -> 4096  (memoryLimitBytes)',
    '      ~ spec.port: 8080 -> 9000',
  ]);
});

test('map entries one by one; a secret says which changed and never its value', () => {
  const lines = renderPlannedChange(plain, {
    resource: container,
    change: 'update',
    step: 'update',
    properties: [
      { path: 'environmentVariables', kind: 'update', replaces: false, old: { LOG_LEVEL: 'info', GONE: 'x' }, new: { LOG_LEVEL: 'debug', NEW: 'y' } },
      { path: 'secretEnvironmentVariables.API_KEY', kind: 'update', replaces: false, old: '[secret]', new: '[secret]' },
      { path: 'secretEnvironmentVariables.TOKEN', kind: 'add', replaces: false, new: '[secret]' },
    ],
  });
  assert.deepEqual(lines.slice(1), [
    '      ~ spec.env.secrets.API_KEY: (secret value changed, hidden)',
    '      + spec.env.secrets.TOKEN: (secret added, value hidden)',
    '      - spec.env.variables.GONE: "x"',
    '      ~ spec.env.variables.LOG_LEVEL: "info" -> "debug"',
    '      + spec.env.variables.NEW: "y"',
  ]);
});

test("a create is a compact listing of the manifest's fields, without the links between resources", () => {
  const lines = renderPlannedChange(plain, {
    resource: container,
    change: 'create',
    step: 'create',
    properties: [
      { path: 'memoryLimitBytes', kind: 'add', replaces: false, new: 256_000_000 },
      { path: 'namespaceId', kind: 'add', replaces: false, new: UNKNOWN_VALUE },
      { path: 'port', kind: 'add', replaces: false, new: 8080 },
      { path: 'description', kind: 'add', replaces: false, new: 'two words' },
      { path: 'secretEnvironmentVariables', kind: 'add', replaces: false, new: '[secret]' },
    ],
  });
  assert.deepEqual(lines, ['  +  create   container my-api', '      description="two words"  env.secrets=[secret]  memoryLimitMb=256  port=8080']);
});

test('a replacement is loud: REPLACE, the forcing property, and a red warning line', () => {
  const planned = {
    resource: namespace,
    change: 'replace' as const,
    step: 'replace',
    properties: [{ path: 'name', kind: 'update' as const, replaces: true, old: 'my-api', new: 'my-api-2' }],
  };
  const lines = renderPlannedChange(plain, planned);
  assert.equal(lines[0], '  +- REPLACE  namespace my-api (replaced because metadata.name changed)');
  assert.equal(lines[1], '      ~ metadata.name: "my-api" -> "my-api-2"  (forces replacement)');
  assert.deepEqual(replacementWarning(plain, [planned]), ['  ! 1 resource is REPLACED (destroyed and created again): namespace my-api']);
  assert.match(renderPlannedChange(coloured, planned)[0]!, /\u001b\[31m/); // red when colour is on
  assert.deepEqual(replacementWarning(plain, []), []);
});

test('a delete-first replacement says so on its line and in its own warning line', () => {
  const planned = { resource: container, change: 'replace' as const, step: 'replace', properties: [], deleteFirst: true };
  assert.equal(renderPlannedChange(plain, planned)[0], '  +- REPLACE  container my-api (deleted first, then created again)');
  const other = { resource: namespace, change: 'replace' as const, step: 'replace', properties: [] };
  assert.deepEqual(replacementWarning(plain, [planned, other]), [
    '  ! 1 resource is REPLACED (destroyed and created again): namespace my-api',
    '  ! 1 resource is REPLACED delete-first (their names are fixed, so each is deleted before it is created again: unavailable in between): container my-api',
  ]);
});

test('no colour codes at all when colour is off', () => {
  const lines = renderPlannedChange(plain, { resource: container, change: 'delete', step: 'delete', properties: [] });
  assert.ok(!lines.join('').includes('\u001b'));
});

test('values: secrets stay masked, unknowns say so, long values are cut', () => {
  assert.equal(formatValue('[secret]'), '[secret]');
  assert.equal(formatValue(UNKNOWN_VALUE), '(known after apply)');
  assert.equal(formatValue({ a: UNKNOWN_VALUE }), '{"a":"(known after apply)"}');
  assert.equal(formatValue('x'.repeat(500)).length, 120);
  assert.equal(formatValue(undefined), '(none)');
});

test("drift: a changed property in the manifest's terms with what the plan does; a deleted resource created again; values the manifest does not set left out", async () => {
  const { renderDrift } = await import('../../src/render/diff.js');
  const drift = [
    {
      resource: container,
      change: 'update' as const,
      step: 'refresh',
      properties: [
        { path: 'maxScale', kind: 'update' as const, replaces: false, old: 20, new: 3 },
        { path: 'updatedAt', kind: 'update' as const, replaces: false, old: 'a', new: 'b' },
        { path: 'memoryLimitBytes', kind: 'update' as const, replaces: false, old: 256_000_000, new: 512_000_000 },
      ],
    },
    { resource: namespace, change: 'delete' as const, step: 'refresh', properties: [] },
  ];
  const planned = [
    { resource: container, change: 'update' as const, step: 'update', properties: [{ path: 'maxScale', kind: 'update' as const, replaces: false, old: 3, new: 20 }] },
    { resource: namespace, change: 'create' as const, step: 'create', properties: [] },
  ];
  assert.deepEqual(renderDrift(plain, drift, planned), [
    '  ! container my-api changed outside openmcf: spec.maxScale 20 -> 3 (will be set back to 20)',
    '  ! container my-api changed outside openmcf: spec.memoryLimitMb 256 -> 512 (kept: the manifest does not set it)',
    '  ! namespace my-api deleted outside openmcf (will be created again)',
  ]);
});

test('drift a refresh recorded: a heading naming the manifest and stack, then each change in manifest terms', () => {
  const lines = renderRefreshedDrift(plain, 'my-api', 'my-org/my-project/dev.ScalewayServerlessContainer.my-api', [
    { resource: container, change: 'update', step: 'update', properties: [{ path: 'minScale', kind: 'update', replaces: false, old: 0, new: 2 }] },
  ]);
  assert.deepEqual(lines, [
    'Drift in my-api (stack my-org/my-project/dev.ScalewayServerlessContainer.my-api); the state now records:',
    '  ~  update   container my-api',
    '      ~ spec.minScale: 0 -> 2',
  ]);
});
