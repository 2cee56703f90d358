// `openmcf init`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import type { Ask, InitOptions } from '../../commands/init.js';

const HELP_AFTER = `
Without a terminal (CI, pipes) nothing is asked: flags, then defaults, are used.

Examples:
  $ openmcf init                                   # asks for name, region, image, privacy
  $ openmcf init my-api.yaml --name my-api --region nl-ams \\
      --image rg.nl-ams.scw.cloud/acme/my-api:v1.0.0 --privacy private
  $ openmcf init - --name my-api > my-api.yaml     # print instead of writing a file
`;

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('write a commented starter manifest, valid as written')
    .argument('[file]', 'where to write it; - for stdout (default: <name>.yaml)')
    .option('--name <name>', 'container name: lowercase letters, digits and dashes (default: my-api)')
    .option('--region <region>', 'fr-par, nl-ams or pl-waw (default: fr-par)')
    .option('--image <ref>', 'image as <registry>/<name>:<tag> (default: rg.<region>.scw.cloud/my-registry/<name>:latest)')
    .option('--privacy <mode>', 'public or private (default: public)')
    .option('--port <port>', 'port the container listens on (default: 8080)')
    .option('--organization <org>', 'Pulumi organization label (default: my-org)')
    .option('--project <project>', 'Pulumi project label (default: my-project)')
    .option('--env <env>', 'environment, the first part of the stack name (default: dev)')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText('after', HELP_AFTER)
    .action(async (file: string | undefined, flags: Omit<InitOptions, 'path'>) => {
      const { runInit } = await import('../../commands/init.js');
      const prompt = context.io.interactive ? await terminalPrompt() : undefined;
      try {
        context.setExitCode(await runInit({ ...flags, ...(file !== undefined ? { path: file } : {}) }, context.io, prompt?.ask));
      } finally {
        prompt?.close();
      }
    });
}

/** Questions on the terminal: asked on stderr so that `init -` can still pipe stdout. Ctrl-C is an
 * interruption (exit 130), Ctrl-D ends init without an answer (exit 1); neither writes a file. */
async function terminalPrompt(): Promise<{ ask: Ask; close: () => void }> {
  const { TerminalPrompt } = await import('../../render/prompt.js');
  const { ExitCode, OpenmcfError } = await import('../../core/errors.js');
  const prompt = new TerminalPrompt();
  return {
    ask: async (question, defaultValue) => {
      const answer = await prompt.ask(`${question} [${defaultValue}]: `, 'nothing was written');
      if (answer.kind === 'end-of-input') {
        throw new OpenmcfError('init cancelled: no answer (end of input); nothing was written', { exitCode: ExitCode.failed, code: 'init.cancelled', origin: 'user' });
      }
      return answer.text.trim() === '' ? defaultValue : answer.text.trim();
    },
    close: () => prompt.close(),
  };
}
