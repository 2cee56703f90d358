// `openmcf engine install`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';

const HELP_AFTER = `
Looks for the Pulumi CLI (OPENMCF_PULUMI_CLI, then PATH, then $OPENMCF_HOME/engine/v<version>), and
when there is none installs the pinned version into $OPENMCF_HOME/engine: the official binary when
get.pulumi.com is reachable, otherwise a build from Go modules (needs Go; a few minutes the first
time, cached afterwards). Set OPENMCF_ENGINE_DOWNLOAD=0 to skip the download attempt.

Then the same for the scaleway plugin v1.54.0 (OPENMCF_SCALEWAY_PLUGIN, then the engine's installed
plugins, then $OPENMCF_HOME/provider): when missing, it is built from Go modules (the Terraform
Scaleway provider, bridged; 5-15 minutes the first time, cached afterwards).

Examples:
  $ openmcf engine install
  $ OPENMCF_ENGINE_DOWNLOAD=0 openmcf engine install --json
`;

export function registerEngine(program: Command, context: CommandContext): void {
  const engine = program
    .command('engine')
    .description('manage the Pulumi engine openmcf drives')
    .addHelpText('after', '\nExample:\n  $ openmcf engine install      # install the pinned engine and plugin now, before a first apply\n');
  engine
    .command('install')
    .description('install the pinned Pulumi engine and scaleway plugin now (download, or build from Go modules)')
    .option('--json', 'print the engine found or installed as JSON on stdout')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: { json?: boolean }) => {
      const { engineInstall } = await import('../../commands/engine-install.js');
      context.setExitCode(await engineInstall({ json: flags.json === true }, context.io));
    });
}
