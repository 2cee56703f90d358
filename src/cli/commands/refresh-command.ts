// `openmcf refresh`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { addCloudOptions, EXIT_CODES_HELP, loadCloudHandler, runOptions } from '../flags/cloud-flags.js';
import type { CloudFlags } from '../flags/cloud-options.js';

const HELP_AFTER = `
Reads each resource back from the cloud and records in the state what changed outside openmcf
(drift), showing each changed property. No cloud resource is changed, so it does not ask.
Creates an interrupted run left pending are looked up in the cloud by name first: what exists is
taken into the state, the rest dropped. --clear-pending-creates also drops any other operation the
interruption left pending.
${EXIT_CODES_HELP}

Examples:
  $ openmcf refresh -f my-api.yaml
  $ openmcf refresh -f my-api.yaml --sandbox --clear-pending-creates
  $ openmcf refresh -f manifests/ --detailed-exitcode      # nightly drift check: 2 drift, 0 none
`;

export function registerRefresh(program: Command, context: CommandContext): void {
  const command = program.command('refresh').description('update the state from what really exists in the cloud');
  addManifestOptions(command);
  addCloudOptions(command, { credentials: true, targeting: 'target', refresh: false })
    .option('--clear-pending-creates', 'after an interrupted run: also drop the operations it left pending (what it created is taken in first)')
    .option('-y, --yes', 'accepted for symmetry with apply; refresh never asks')
    .option('--detailed-exitcode', 'exit 2 when the refresh found drift (changes made outside openmcf), 0 when none: a nightly drift check for CI')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: CloudFlags) => {
      const { refresh } = await loadCloudHandler(() => import('../../commands/refresh.js'));
      context.setExitCode(await refresh(await runOptions('refresh', flags, context.io), context.io));
    });
}
