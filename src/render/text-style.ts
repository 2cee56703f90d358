// The colours of human text, and how an error reads in it: shared by every command's output.
import { Chalk, type ChalkInstance } from 'chalk';
import type { OpenmcfError } from '../core/errors.js';
import type { Io } from '../core/io.js';

/** Colour as the process's stderr allows (io.color), for text on either stream. */
export function chalkFor(io: Pick<Io, 'color'>): ChalkInstance {
  return new Chalk({ level: io.color ? 1 : 0 });
}

/** The error of one stack, with its hint, as lines. */
export function errorLines(chalk: ChalkInstance, error: Pick<OpenmcfError, 'message' | 'hint'>, indent = '    '): string[] {
  return [`${indent}${chalk.red('error:')} ${error.message}`, ...(error.hint ? [`${indent}${chalk.dim(error.hint)}`] : [])];
}
