// `openmcf outputs`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { addCloudOptions, EXIT_CODES_HELP, loadCloudHandler, runOptions } from '../flags/cloud-flags.js';
import type { CloudFlags } from '../flags/cloud-options.js';

interface OutputsFlags extends CloudFlags {
  readonly shell?: boolean;
}

const HELP_AFTER = `
Prints the stack outputs of each manifest (containerId, namespaceId, domainName, url, status,
errorMessage) from the state: nothing runs in the cloud and no credentials are needed. Values go
to stdout; secret outputs are masked unless --show-secrets. With a name, only that output's raw
value is printed (a secret one needs --show-secrets); --shell prints export lines. A local
folder backend is read directly, without starting the engine. The status output is what the last
run recorded (said on stderr; "statusAsOf" in --json): \`openmcf status\` reads the live one.
--stack <org/project/stack> alone, without a manifest, reads that stack (e.g. one whose manifest is gone).
${EXIT_CODES_HELP}

Examples:
  $ openmcf outputs -f my-api.yaml
  $ openmcf outputs -f my-api.yaml url
  $ curl "$(openmcf outputs -f my-api.yaml url)/health"
  $ eval "$(openmcf outputs -f my-api.yaml --shell)"; echo "$url"
  $ openmcf outputs -f my-api.yaml --json | jq -r '.results[0].outputs.url'
  $ openmcf outputs -f my-api.yaml --sandbox --show-secrets
  $ openmcf outputs --stack my-org/my-project/dev.ScalewayServerlessContainer.my-api --sandbox url
`;

export function registerOutputs(program: Command, context: CommandContext): void {
  const command = program
    .command('outputs')
    .description("print the stack outputs of each manifest, or one output's value")
    .argument('[name]', "print only this output's raw value (e.g. url)");
  addManifestOptions(command);
  addCloudOptions(command, { credentials: false, targeting: 'none', refresh: false })
    .option('--show-secrets', 'print secret outputs in plain text')
    .option('--shell', "print `export name='value'` lines for a shell to eval")
    .addHelpText('after', HELP_AFTER)
    .action(async (name: string | undefined, flags: OutputsFlags) => {
      const { outputs } = await loadCloudHandler(() => import('../../commands/outputs.js'));
      context.setExitCode(await outputs({ ...(await runOptions('outputs', flags, context.io)), shell: flags.shell ?? false }, context.io, name));
    });
}
