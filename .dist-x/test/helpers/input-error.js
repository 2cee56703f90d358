// For assert.throws / assert.rejects: the error is an invalid-input OpenmcfError (exit 3) with the
// given code and a message matching the pattern.
import assert from 'node:assert/strict';
import { OpenmcfError } from '../../src/errors.js';
export function inputError(code, pattern, check = () => undefined) {
    return (error) => {
        assert.ok(error instanceof OpenmcfError, String(error));
        assert.equal(error.exitCode, 3);
        assert.equal(error.code, code);
        assert.match(error.message, pattern);
        check(error);
        return true;
    };
}
