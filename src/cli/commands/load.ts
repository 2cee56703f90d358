// `openmcf load`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import { addManifestOptions } from '../options.js';
import type { LoadFlags } from '../../commands/load.js';

const HELP_AFTER = `
Prints each manifest as openmcf will use it: validated, with every documented default filled in
(port 8080, memoryLimitMb 256, maxScale 20, ...). Secret values print as [secret].

Examples:
  $ openmcf load -f manifests/order-api.yaml
  $ openmcf load -f manifests/ --json | jq '.manifests[].manifest.spec.port'
  $ openmcf load -f my-api.yaml --set spec.image.tag=v2 --show-secrets
`;

export function registerLoad(program: Command, context: CommandContext): void {
  const command = program
    .command('load')
    .description('print manifests with their defaults filled in, as they will be deployed');
  addManifestOptions(command)
    .option('--show-secrets', 'print env.secrets values instead of [secret]')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: LoadFlags) => {
      const { runLoad } = await import('../../commands/load.js');
      context.setExitCode(await runLoad(flags, context.io));
    });
}
