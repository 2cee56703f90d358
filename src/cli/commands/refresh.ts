// `openmcf refresh`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerRefresh(program: Command, _context: CommandContext): void {
  program.command('refresh').description('(not implemented yet)');
}
