// `openmcf cancel`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { addCloudOptions, EXIT_CODES_HELP, loadCloudHandler, runOptions } from '../flags/cloud-flags.js';
import type { CloudFlags } from '../flags/cloud-options.js';

const HELP_AFTER = `
Releases the lock of each manifest's stack: the way out when a run was killed (a second Ctrl-C,
a cancelled CI job, a lost runner) and the next one exits 4 saying the lock is stale. It deletes
every lock of the stack on the backend (file, S3, PostgreSQL, ...), so only use it when no run is
using the stack any more; then run \`openmcf refresh ... --clear-pending-creates\` to reconcile the
state with the cloud. On a terminal it asks first; without one, --yes is required.
${EXIT_CODES_HELP}

Examples:
  $ openmcf cancel -f my-api.yaml
  $ openmcf cancel -f my-api.yaml --backend 's3://team-state?endpoint=s3.fr-par.scw.cloud&region=fr-par' --yes
  $ openmcf cancel -f my-api.yaml --sandbox --yes
`;

export function registerCancel(program: Command, context: CommandContext): void {
  const command = program.command('cancel').description("release the lock of each manifest's stack, left by a run that was killed");
  addManifestOptions(command);
  addCloudOptions(command, { credentials: false, targeting: 'none', refresh: false })
    .option('-y, --yes', 'release without asking (required without a terminal)')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: CloudFlags) => {
      const { cancel } = await loadCloudHandler(() => import('../../commands/cancel.js'));
      context.setExitCode(await cancel(await runOptions('cancel', flags, context.io), context.io));
    });
}
