import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cronArgsToDeclare } from '../../src/program/recorded-stack.js';

test("cron args keep the string the state records when it is the same JSON, else take the manifest's", () => {
  // The original OpenMCF CLI recorded args as written; openmcf's are canonical.
  assert.equal(cronArgsToDeclare('{"task":"cleanup"}', '{"task": "cleanup"}'), '{"task": "cleanup"}');
  assert.equal(cronArgsToDeclare('{"a":1,"b":2}', '{ "b": 2, "a": 1 }'), '{ "b": 2, "a": 1 }');
  assert.equal(cronArgsToDeclare('{"task":"report"}', '{"task": "cleanup"}'), '{"task":"report"}', 'a real change is declared');
  assert.equal(cronArgsToDeclare('{"task":"report"}', undefined), '{"task":"report"}', 'nothing recorded: a new trigger');
  assert.equal(cronArgsToDeclare('{"task":"report"}', 'not json'), '{"task":"report"}');
});
