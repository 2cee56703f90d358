// `openmcf destroy`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerDestroy(program: Command, _context: CommandContext): void {
  program.command('destroy').description('(not implemented yet)');
}
