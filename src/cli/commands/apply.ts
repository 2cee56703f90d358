// `openmcf apply`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerApply(program: Command, _context: CommandContext): void {
  program.command('apply').description('(not implemented yet)');
}
