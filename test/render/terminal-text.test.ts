// Finding 7 of issue 17: NUL bytes and bidi overrides from manifests reached the terminal raw.
// Everything a terminal would act on instead of showing is written as a visible `\uXXXX`; openmcf's
// own colours and live-line sequences stay.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeForTerminal } from '../../src/core/terminal-text.js';

test('controls, bidi overrides and isolates, and invisible format characters are escaped', () => {
  assert.equal(escapeForTerminal('a\u0000b'), 'a\\u0000b');
  assert.equal(escapeForTerminal('evil\u202Egnp.exe'), 'evil\\u202Egnp.exe');
  for (const code of [0x07, 0x08, 0x0b, 0x0c, 0x7f, 0x85, 0x9b, 0x200b, 0x200e, 0x2028, 0x202a, 0x202d, 0x2066, 0x2069, 0xfeff]) {
    const character = String.fromCharCode(code);
    assert.equal(escapeForTerminal(`x${character}y`), `x\\u${code.toString(16).toUpperCase().padStart(4, '0')}y`, `U+${code.toString(16)}`);
  }
});

test("newlines, tabs, carriage returns, printable Unicode and openmcf's own CSI sequences are kept", () => {
  const text = 'line 1\n\tline 2\r\n\u001b[31mred\u001b[39m \u001b[2K\u001b[1A café ✓ 日本';
  assert.equal(escapeForTerminal(text), text);
});

test('an ESC that starts anything but a CSI sequence (a window title, a hyperlink) is escaped', () => {
  assert.equal(escapeForTerminal('\u001b]0;owned\u0007'), '\\u001B]0;owned\\u0007');
  assert.equal(escapeForTerminal('\u001bPdcs\u001b\\'), '\\u001BPdcs\\u001B\\');
});
