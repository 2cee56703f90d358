// `openmcf validate`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerValidate(program: Command, _context: CommandContext): void {
  program.command('validate').description('(not implemented yet)');
}
