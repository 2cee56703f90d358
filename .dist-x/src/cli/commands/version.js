import { versionText } from '../../version.js';
import { ExitCode } from '../../errors.js';
const HELP_AFTER = `
Examples:
  $ openmcf version
  $ openmcf -v                     # the same
`;
export function registerVersion(program, context) {
    program
        .command('version')
        .description('print the CLI version and the engine and plugin versions it pins (the same as --version)')
        .addHelpText('after', HELP_AFTER)
        .action(() => {
        context.io.out(`${versionText()}\n`);
        context.setExitCode(ExitCode.ok);
    });
}
