// `openmcf import`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { addCloudOptions, EXIT_CODES_HELP, loadCloudHandler, runOptions } from '../flags/cloud-flags.js';
import type { CloudFlags } from '../flags/cloud-options.js';

const HELP_AFTER = `
Finds what already exists of each manifest in the cloud (its namespace, container and cron
triggers, by the names the manifest gives them, in its region and project), takes it into the
manifest's stack with the engine's import, then previews: what exists against what the manifest
says. Nothing in the cloud is changed; \`openmcf apply\` then makes it match. An object that belongs
to another openmcf stack (its openmcf.org/stack=<org/project/stack> tag) is refused, naming it.
${EXIT_CODES_HELP}

Examples:
  $ openmcf import -f my-api.yaml
  $ openmcf import -f my-api.yaml --sandbox --json
`;

export function registerImport(program: Command, context: CommandContext): void {
  const command = program.command('import').description("take what already exists in the cloud into the manifest's stack, then preview");
  addManifestOptions(command);
  addCloudOptions(command, { credentials: true, targeting: 'none', refresh: false })
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: CloudFlags) => {
      const { importCommand } = await loadCloudHandler(() => import('../../commands/import.js'));
      context.setExitCode(await importCommand(await runOptions('import', flags, context.io), context.io));
    });
}
