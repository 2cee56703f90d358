// `openmcf sandbox api`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';

const HELP_AFTER = `
Runs the simulated Scaleway containers API (v1) of the sandbox in the foreground, over the same
store as \`--sandbox\` runs ($OPENMCF_HOME/sandbox/api), until Ctrl-C. The first line of stdout is its
URL; point other tools at the same simulated cloud with SCW_API_URL (any well-formed credentials:
an access key SCW + 17 letters or digits, a UUID secret key and project id). Requests are logged on
stderr (method, path, status; never a body). OPENMCF_SANDBOX_FAULTS applies, as in sandbox runs.

Examples:
  $ openmcf sandbox api --port 8443
  $ SCW_API_URL=http://127.0.0.1:8443 openmcf apply -f my-api.yaml --yes   # the normal path (SCW_* keys set), same cloud
`;

export function registerSandbox(program: Command, context: CommandContext): void {
  const sandbox = program
    .command('sandbox')
    .description('the simulated Scaleway cloud of --sandbox runs')
    .addHelpText('after', '\nExample:\n  $ openmcf sandbox api         # serve the simulated API for other tools\n');
  sandbox
    .command('api')
    .description('run the simulated Scaleway containers API in the foreground and print its URL')
    .option('--port <port>', 'port on 127.0.0.1 (default: a free one)')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: { port?: string }) => {
      const { sandboxApi } = await import('../../commands/sandbox-api.js');
      context.setExitCode(await sandboxApi(flags, context.io));
    });
}
