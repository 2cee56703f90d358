// `openmcf destroy`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { addCloudOptions, EXIT_CODES_HELP, loadCloudHandler, runOptions } from '../flags/cloud-flags.js';
import type { CloudFlags } from '../flags/cloud-options.js';

const HELP_AFTER = `
Deletes the namespace, container and cron triggers deployed from each manifest. On a terminal it
lists what goes away and asks; without a terminal --yes is required. A stack never deployed has
nothing to destroy (exit 0). The stack itself (its history) stays unless --remove. --stack
<org/project/stack> alone, without a manifest, destroys that stack from its state (one whose
manifest was renamed or deleted: \`openmcf stacks -f <folder>\` lists them); it must exist.
${EXIT_CODES_HELP}

Examples:
  $ openmcf destroy -f my-api.yaml
  $ openmcf destroy -f manifests/ --yes
  $ openmcf destroy --stack my-org/my-project/dev.ScalewayServerlessContainer.my-api --sandbox --yes
  $ openmcf destroy -f my-api.yaml --sandbox --yes --remove
`;

export function registerDestroy(program: Command, context: CommandContext): void {
  const command = program.command('destroy').alias('delete').description('delete what the manifests deployed');
  addManifestOptions(command);
  addCloudOptions(command, { credentials: true, targeting: 'target', refresh: true })
    .option('-y, --yes', 'destroy without asking (required without a terminal)')
    .option('--remove', 'also remove the stack and its history once it is empty')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: CloudFlags) => {
      const { destroy } = await loadCloudHandler(() => import('../../commands/destroy.js'));
      context.setExitCode(await destroy(await runOptions('destroy', flags, context.io), context.io));
    });
}
