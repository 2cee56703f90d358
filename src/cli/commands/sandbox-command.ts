// `openmcf sandbox api`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import { invalidInput } from '../../core/errors.js';
import type { CommandContext } from '../flags/command-context.js';

const HELP_AFTER = `
Runs the simulated Scaleway containers API (v1) of the sandbox in the foreground, over the same
store as \`--sandbox\` runs ($OPENMCF_HOME/sandbox/api), until Ctrl-C. The first line of stdout is its
URL; point other tools at the same simulated cloud with SCW_API_URL (any well-formed credentials:
an access key SCW + 17 letters or digits, a UUID secret key and project id). Requests are logged on
stderr (method, path, status; never a body). OPENMCF_SANDBOX_FAULTS applies, as in sandbox runs.
New namespaces belong to SCW_DEFAULT_ORGANIZATION_ID when it is set (else to their project's id).

--transitions: \`instant\` (default): a create, update or delete answers creating, updating or
deleting, and the next read sees the end state. \`realistic\` (5 s) or \`realistic:<ms>\`: reads keep
answering the transient status that long, then ready (or error), or 404 after deleting, as the
platform does; a script that does not wait fails here as there. Sandbox runs take the same mode
from OPENMCF_SANDBOX_TRANSITIONS; each transient status then costs them one 5-second poll of the
provider.

Examples:
  $ openmcf sandbox api --port 8443
  $ openmcf sandbox api --transitions realistic:2000   # reads answer creating/updating/deleting for 2 s
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
    .option('--transitions <mode>', 'instant (default), realistic (5 s) or realistic:<ms>: how long creating/updating/deleting last')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: { port?: string; transitions?: string }) => {
      const { sandboxApi } = await import('../../commands/sandbox-api.js');
      context.setExitCode(await sandboxApi({ port: parsePort(flags.port), ...(flags.transitions !== undefined ? { transitions: flags.transitions } : {}) }, context.io));
    });
}

/** `--port`: 0 (a free one) when left out. */
function parsePort(raw: string | undefined): number {
  const port = raw === undefined ? 0 : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw invalidInput(`--port ${JSON.stringify(raw)} is not a port number`, 'flag.port', 'give a number from 1 to 65535, or leave --port out for a free one');
  }
  return port;
}
