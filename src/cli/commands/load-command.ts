// `openmcf load`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { manifestSelectionFromFlags, type ManifestFlags } from '../flags/manifest-options.js';

interface LoadFlags extends ManifestFlags {
  readonly showSecrets?: boolean;
}

const HELP_AFTER = `
Prints each manifest as openmcf will use it: validated, with every documented default filled in
(port 8080, memoryLimitMb 256, maxScale 20, ...). Secret values print as [secret].

A top-level \`status\` (what the original OpenMCF CLI records after a deployment) is left out and
a comment says so: it is never input. \`load-manifest\` is another name of this command.

Examples:
  $ openmcf load -f manifests/order-api.yaml
  $ openmcf load manifests/order-api.yaml
  $ openmcf load -f manifests/ --json | jq '.manifests[].manifest.spec.port'
  $ openmcf load -f my-api.yaml --set spec.image.tag=v2 --show-secrets
`;

export function registerLoad(program: Command, context: CommandContext): void {
  const command = program
    .command('load')
    .alias('load-manifest')
    .description('print manifests with their defaults filled in, as they will be deployed')
    .argument('[manifests...]', 'manifest paths or URLs, the same as -f');
  addManifestOptions(command)
    .option('--show-secrets', 'print env.secrets values instead of [secret]')
    .addHelpText('after', HELP_AFTER)
    .action(async (paths: string[], flags: LoadFlags) => {
      const { runLoad } = await import('../../commands/load.js');
      context.setExitCode(await runLoad({ manifests: manifestSelectionFromFlags(flags, paths), json: flags.json === true, showSecrets: flags.showSecrets === true }, context.io));
    });
}
