import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countLines, LiveLine, type LiveStream } from '../../src/render/live-line.js';

/** A terminal stream that records what reaches it. */
function fakeTerminal(columns = 80): LiveStream & { written: string } {
  const stream = {
    isTTY: true,
    columns,
    written: '',
    write(chunk: string | Uint8Array): boolean {
      stream.written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      return true;
    },
  };
  return stream;
}

function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

test('a new text is drawn at once, without waiting for a timer tick', () => {
  const err = fakeTerminal();
  const line = new LiveLine({ stream: err, color: false });
  line.update('reading manifests');
  assert.match(plain(err.written), /reading manifests$/);
  line.update('loading the Pulumi SDK');
  assert.match(plain(err.written), /loading the Pulumi SDK$/);
  line.stop();
  assert.equal(line.active, false);
});

test('another write to the terminal (stderr or stdout) lands above the line, which is redrawn below it', () => {
  const err = fakeTerminal();
  const out = fakeTerminal();
  const line = new LiveLine({ stream: err, sharing: [out], color: false });
  line.update('previewing my-api');
  err.written = '';
  err.write('+ created container my-api (1.2s)\n');
  // Cleared (erase line, back to column 1), the text, then the line again.
  assert.ok(err.written.startsWith('\u001b[2K\u001b[1G+ created container my-api (1.2s)\n'), JSON.stringify(err.written));
  assert.match(plain(err.written), /previewing my-api$/);
  err.written = '';
  out.write('Preview of my-api\n');
  assert.equal(out.written, 'Preview of my-api\n');
  assert.match(err.written, /^\u001b\[2K\u001b\[1G/, 'the line was cleared before stdout was written');
  line.stop();
  // Hooks removed: writes go straight through again.
  err.written = '';
  err.write('after\n');
  assert.equal(err.written, 'after\n');
});

test('an unfinished line written by someone else (a question) is not drawn over', () => {
  const err = fakeTerminal();
  const line = new LiveLine({ stream: err, color: false });
  line.update('starting');
  err.written = '';
  err.write('Apply? [y/N] ');
  assert.equal(plain(err.written), 'Apply? [y/N] ');
  line.update('still starting');
  assert.equal(plain(err.written), 'Apply? [y/N] ', 'nothing drawn after the question');
  line.stop();
});

test('a frame of several lines is cleared whole; stop clears it and shows the cursor', () => {
  const err = fakeTerminal();
  const line = new LiveLine({ stream: err, color: false });
  line.update('creating container a\ncreating container b');
  err.written = '';
  line.stop();
  assert.equal(err.written, '\u001b[2K\u001b[1A\u001b[2K\u001b[1G\u001b[?25h');
});

test('a stream that is not a terminal is never hooked', () => {
  const err = fakeTerminal();
  const file = { ...fakeTerminal(), isTTY: false };
  const write = file.write;
  const line = new LiveLine({ stream: err, sharing: [file], color: false });
  line.update('previewing');
  assert.equal(file.write, write);
  line.stop();
});

test('lines are counted as the terminal wraps them, colour codes taking no room', () => {
  assert.equal(countLines('abc', 80), 1);
  assert.equal(countLines('\u001b[36m⠋\u001b[39m abc\ndef', 80), 2);
  assert.equal(countLines('x'.repeat(81), 80), 2);
  assert.equal(countLines('x'.repeat(200), undefined), 1);
});
