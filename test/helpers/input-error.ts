// For assert.throws / assert.rejects: the error is an invalid-input OpenmcfError (exit 3) with the
// given code and a message matching the pattern.
import assert from 'node:assert/strict';
import { OpenmcfError } from '../../src/core/errors.js';

export function inputError(code: string, pattern: RegExp, check: (error: OpenmcfError) => void = () => undefined) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof OpenmcfError, String(error));
    assert.equal(error.exitCode, 3);
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    check(error);
    return true;
  };
}
