// `openmcf status`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { addCloudOptions, loadCloudHandler } from '../flags/cloud-flags.js';
import type { CloudFlags } from '../flags/cloud-options.js';

interface StatusFlags extends CloudFlags {
  readonly probe?: boolean;
}

const HELP_AFTER = `
Reads each manifest's namespace, container and cron triggers from the Scaleway API now (status,
error message, image, scale, URL, when each last changed), by the ids in the stack's state:
\`outputs\` shows what the last run recorded, \`status\` what the platform says. With --probe the
container's URL is requested once (its HTTP status and time are shown). Nothing is changed.

Exit codes: 0 healthy; 1 a container (or its namespace or a trigger) is in error or missing,
nothing is deployed, or a probe got no answer or a 5xx; 3 invalid input; 130 interrupted.

Examples:
  $ openmcf status -f my-api.yaml --sandbox
  $ openmcf status -f my-api.yaml --sandbox --probe
  $ openmcf status -f my-api.yaml --sandbox --json | jq -r '.results[0].container.status'
`;

export function registerStatus(program: Command, context: CommandContext): void {
  const command = program.command('status').description("read each manifest's container, namespace and triggers live from the API");
  addManifestOptions(command);
  addCloudOptions(command, { credentials: true, targeting: 'none', refresh: false })
    .option('--probe', "request the container's URL once and report the HTTP status and time")
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: StatusFlags) => {
      const { status, reportStatusFailure } = await loadCloudHandler(() => import('../../commands/status.js'));
      const { cloudOptionsFromFlags, optionsOrReport } = await import('../flags/cloud-options.js');
      const options = optionsOrReport(
        () => cloudOptionsFromFlags(flags),
        (error) => reportStatusFailure(context.io, { json: flags.json ?? false, sandbox: flags.sandbox ?? false }, error),
      );
      context.setExitCode(await status({ ...options, probe: flags.probe ?? false }, context.io));
    });
}
