import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { problemSummary } from '../../src/render/diagnostics.js';

function problem(file: string, severity: Diagnostic['severity'] = 'error', line = 3): Diagnostic {
  return { file, line, column: 1, severity, code: 'test', path: 'spec.port', message: 'm' };
}

test('the summary counts files, and --set flags apart from files', () => {
  assert.equal(problemSummary([problem('a.yaml'), problem('a.yaml', 'warning'), problem('b.yaml')]), '2 errors, 1 warning in 2 files');
  assert.equal(problemSummary([problem('--set spec.port=8008', 'error', 0), problem('--set spec.minScale=x', 'error', 0)]), '2 errors, 0 warnings in 2 flags');
  assert.equal(problemSummary([problem('a.yaml'), problem('--set spec.port=8008', 'error', 0)]), '2 errors, 0 warnings in 1 file and 1 flag');
  assert.equal(problemSummary([]), '0 errors, 0 warnings in 0 files');
});
