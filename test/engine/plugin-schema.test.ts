// The schema the built `scaleway` plugin serves, held against the npm SDK it must serve
// (@pulumiverse/scaleway 1.54.0, its .d.ts files): for the three resources openmcf declares, the
// same input names, which of them are required, the same kind of type for each, and the same
// outputs. A version bump of the Terraform provider or the bridge that drifts fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { engineBinary, pluginBinary } from '../helpers/engine.js';

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'map' | 'object';

interface Shape {
  readonly inputs: Record<string, Kind>;
  readonly required: string[];
  readonly outputs: Record<string, Kind>;
}

const RESOURCES = [
  { token: 'scaleway:containers/container:Container', file: 'container', name: 'Container' },
  { token: 'scaleway:containers/namespace:Namespace', file: 'namespace', name: 'Namespace' },
  { token: 'scaleway:containers/cron:Cron', file: 'cron', name: 'Cron' },
];

function kindOfTypeText(text: string): Kind {
  let t = text.replace(/\s+/g, ' ').trim();
  for (;;) {
    const unwrapped = /^pulumi\.(?:Input|Output)<(.*)>$/.exec(t);
    if (!unwrapped) break;
    t = unwrapped[1]!.replace(/ \| undefined$/, '').trim();
  }
  t = t.replace(/ \| undefined$/, '').trim();
  if (t.endsWith('[]')) return 'array';
  if (t.startsWith('{')) return 'map';
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  return 'object';
}

function sdkShape(file: string, name: string): Shape {
  const sdkRoot = dirname(createRequire(import.meta.url).resolve('@pulumiverse/scaleway/package.json'));
  const path = join(sdkRoot, 'containers', `${file}.d.ts`);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const inputs: Record<string, Kind> = {};
  const required: string[] = [];
  const outputs: Record<string, Kind> = {};
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === `${name}Args`) {
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const key = member.name.getText(source);
        inputs[key] = kindOfTypeText(member.type.getText(source));
        if (!member.questionToken) required.push(key);
      }
    }
    if (ts.isClassDeclaration(node) && node.name?.text === name) {
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !member.type) continue;
        if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
        const text = member.type.getText(source);
        if (!text.startsWith('pulumi.Output<')) continue;
        outputs[member.name.getText(source)] = kindOfTypeText(text);
      }
    }
  });
  return { inputs, required: required.sort(), outputs };
}

interface SchemaProperty {
  readonly type?: string;
  readonly $ref?: string;
  readonly additionalProperties?: unknown;
}

function kindOfSchema(property: SchemaProperty): Kind {
  if (property.$ref) return 'object';
  if (property.type === 'integer' || property.type === 'number') return 'number';
  if (property.type === 'object') return property.additionalProperties ? 'map' : 'object';
  return property.type as Kind;
}

function pluginSchema(): {
  resources: Record<string, { inputProperties: Record<string, SchemaProperty>; requiredInputs?: string[]; properties: Record<string, SchemaProperty> }>;
  name: string;
} {
  const pulumiHome = mkdtempSync(join(tmpdir(), 'openmcf-schema-'));
  try {
    const text = execFileSync(engineBinary(), ['package', 'get-schema', pluginBinary()], {
      encoding: 'utf8',
      env: { ...process.env, PULUMI_HOME: pulumiHome, PULUMI_SKIP_UPDATE_CHECK: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(text);
  } finally {
    rmSync(pulumiHome, { recursive: true, force: true });
  }
}

test('the built plugin serves the schema of @pulumiverse/scaleway 1.54.0 for the container resources', () => {
  const schema = pluginSchema();
  assert.equal(schema.name, 'scaleway');
  assert.equal(execFileSync(pluginBinary(), ['-version'], { encoding: 'utf8' }).trim(), '1.54.0', 'the version the SDK asks the engine for');
  for (const resource of RESOURCES) {
    const served = schema.resources[resource.token];
    assert.ok(served, `${resource.token} is served`);
    const sdk = sdkShape(resource.file, resource.name);
    assert.ok(Object.keys(sdk.inputs).length > 3, `the .d.ts of ${resource.name} was read`);
    const inputs = Object.fromEntries(Object.entries(served.inputProperties).map(([k, v]) => [k, kindOfSchema(v)]));
    const outputs = Object.fromEntries(Object.entries(served.properties).map(([k, v]) => [k, kindOfSchema(v)]));
    assert.deepEqual(inputs, sdk.inputs, `${resource.name}: input names and kinds`);
    assert.deepEqual([...(served.requiredInputs ?? [])].sort(), sdk.required, `${resource.name}: required inputs`);
    assert.deepEqual(outputs, sdk.outputs, `${resource.name}: outputs`);
  }
});
