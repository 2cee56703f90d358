// `openmcf outputs`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerOutputs(program: Command, _context: CommandContext): void {
  program.command('outputs').description('(not implemented yet)');
}
