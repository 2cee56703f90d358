// `openmcf schema`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerSchema(program: Command, _context: CommandContext): void {
  program.command('schema').description('(not implemented yet)');
}
