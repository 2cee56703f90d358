// `openmcf completion <shell>`: prints a completion script generated from the declared command
// tree (all commands are declared for this command, see program.ts).
import { Argument, type Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

const HELP_AFTER = `
Completes commands, flags, paths after -f/--file, --env-file, -p and --output, and fixed choices.

Examples:
  $ source <(openmcf completion bash)                      # this shell only
  $ mkdir -p ~/.local/share/bash-completion/completions && \\
      openmcf completion bash > ~/.local/share/bash-completion/completions/openmcf
  $ openmcf completion zsh > "\${fpath[1]}/_openmcf"
  $ openmcf completion fish > ~/.config/fish/completions/openmcf.fish
`;

export function registerCompletion(program: Command, context: CommandContext): void {
  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText('after', HELP_AFTER)
    .action(async (shell: Shell) => {
      const { completionScript } = await import('../completion/script.js');
      context.io.out(completionScript(program, shell));
      context.setExitCode(0);
    });
}
