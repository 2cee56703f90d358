// Finding 5 of issue 17: the schema allowed 100 + 100, the local API 100 in total, the platform
// 200 + 200. One table (src/validation/platform-limits.ts) now holds them; the schema must say the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_LIMITS, schemaLimitMismatches } from '../../src/validation/platform-limits.js';
import { REPO_ROOT } from '../helpers/run-openmcf.js';

const SCHEMA = join(REPO_ROOT, 'schemas', 'scaleway.openmcf.org', 'v1', 'ScalewayServerlessContainer.schema.json');

test('the JSON Schema states the limits of the one table', () => {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as unknown;
  assert.deepEqual(schemaLimitMismatches(schema), []);
  assert.equal(PLATFORM_LIMITS.envVariablesPerContainer, 200);
  assert.equal(PLATFORM_LIMITS.envSecretsPerContainer, 200);
  assert.equal(PLATFORM_LIMITS.secretValueMaxBytes, 65536);
});

test('a schema that drifts from the table is named, keyword by keyword', () => {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { $defs: { Env: { properties: { variables: { maxItems: number } } } } };
  schema.$defs.Env.properties.variables.maxItems = 100;
  assert.deepEqual(schemaLimitMismatches(schema), ["$defs.Env.properties.variables.maxItems is 100, the platform's limit (envVariablesPerContainer) is 200"]);
});
