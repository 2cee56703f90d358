// `openmcf doctor`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerDoctor(program: Command, _context: CommandContext): void {
  program.command('doctor').description('(not implemented yet)');
}
