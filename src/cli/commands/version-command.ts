// `openmcf version`: the original OpenMCF CLI's command for what `--version` prints.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { versionText } from '../../core/version.js';
import { ExitCode } from '../../core/errors.js';

const HELP_AFTER = `
Examples:
  $ openmcf version
  $ openmcf -v                     # the same
`;

export function registerVersion(program: Command, context: CommandContext): void {
  program
    .command('version')
    .description('print the CLI version and the engine and plugin versions it pins (the same as --version)')
    .addHelpText('after', HELP_AFTER)
    .action(() => {
      context.io.out(`${versionText()}\n`);
      context.setExitCode(ExitCode.ok);
    });
}
