// `openmcf preview`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { addCloudOptions, EXIT_CODES_HELP, loadCloudHandler, runOptions } from '../flags/cloud-flags.js';
import type { CloudFlags } from '../flags/cloud-options.js';

const HELP_AFTER = `
Shows what apply would do, property by property: replacements are flagged (they destroy the old
resource: new endpoint, downtime) and cron triggers list their next runs (Europe/Paris time, where the platform runs them, and UTC). Nothing is changed.
Given a folder, it also lists the orphaned stacks: those of its projects and environments that no
manifest names (\`apply --prune\` destroys them; "orphans" in --json).
${EXIT_CODES_HELP}

Examples:
  $ openmcf preview -f my-api.yaml
  $ openmcf preview -f manifests/ --detailed-exitcode     # CI: 0 no changes, 2 changes, 1 failed
  $ openmcf preview -f my-api.yaml --sandbox --json | jq '.results[0].changes'
  $ openmcf preview -f manifests/ --shard 2/4 --detailed-exitcode   # the second of four CI runners
  $ openmcf preview -f my-api.yaml --sandbox --save-plan plan.json  # for apply --plan plan.json
`;

export function registerPreview(program: Command, context: CommandContext): void {
  const command = program.command('preview').alias('plan').description('show what apply would change, without changing anything');
  addManifestOptions(command);
  addCloudOptions(command, { credentials: true, targeting: 'target-and-replace', refresh: 'default' })
    .option('--detailed-exitcode', 'exit 2 when there are changes (0 when none, 1 on failure)')
    .option('--redeploy', 'preview deploying each container again with the same image reference (see apply --redeploy)')
    .option('--save-plan <file>', 'write the plan of the run to <file>, for `openmcf apply --plan <file>` to apply exactly that')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: CloudFlags) => {
      const { preview } = await loadCloudHandler(() => import('../../commands/preview.js'));
      context.setExitCode(await preview(await runOptions('preview', { ...flags, refresh: flags.refresh ?? true }, context.io), context.io));
    });
}
