// `openmcf preview`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

export function registerPreview(program: Command, _context: CommandContext): void {
  program.command('preview').description('(not implemented yet)');
}
