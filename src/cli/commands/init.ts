// `openmcf init`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerInit(program: Command, _context: CommandContext): void {
  program.command('init').description('(not implemented yet)');
}
