// `openmcf load`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerLoad(program: Command, _context: CommandContext): void {
  program.command('load').description('(not implemented yet)');
}
