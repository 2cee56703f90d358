// `openmcf version`: the same as `openmcf --version`, for those who type it as a command.
import type { Command } from 'commander';
import { versionText } from '../../version.js';
import type { CommandContext } from '../program.js';

export function registerVersion(program: Command, context: CommandContext): void {
  program
    .command('version')
    .description('print the CLI version and the engine and plugin versions it pins (as --version)')
    .addHelpText('after', '\nExample:\n  $ openmcf version\n')
    .action(() => {
      context.io.out(`${versionText()}\n`);
      context.setExitCode(0);
    });
}
