// `openmcf refresh`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../program.js';
import { addManifestOptions } from '../options.js';
import { addCloudOptions, EXIT_CODES_HELP, loadCloudHandler } from './cloud-options.js';
import type { CloudFlags } from '../../commands/cloud/options.js';

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
`;

export function registerRefresh(program: Command, context: CommandContext): void {
  const command = program.command('refresh').description('update the state from what really exists in the cloud');
  addManifestOptions(command);
  addCloudOptions(command, { credentials: true, targeting: 'target', refresh: false })
    .option('--clear-pending-creates', 'after an interrupted run: also drop the operations it left pending (what it created is taken in first)')
    .option('-y, --yes', 'accepted for symmetry with apply; refresh never asks')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: CloudFlags) => {
      const { refresh } = await loadCloudHandler(() => import('../../commands/refresh.js'));
      context.setExitCode(await refresh(flags, context.io));
    });
}
