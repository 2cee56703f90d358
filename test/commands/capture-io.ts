// An Io that keeps what a render function writes, to compare with what the binary prints.
import type { Io } from '../../src/core/io.js';
import { Redactor } from '../../src/core/redactor.js';

export interface CapturedIo extends Io {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function captureIo(options: { readonly color?: boolean } = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    interactive: false,
    color: options.color ?? false,
    redactor: new Redactor(),
    stdout: () => out,
    stderr: () => err,
  };
}
