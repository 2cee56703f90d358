import { addManifestOptions } from '../options.js';
import { addCloudOptions, EXIT_CODES_HELP } from './cloud-options.js';
const HELP_AFTER = `
Prints the stack outputs of each manifest (containerId, namespaceId, domainName, url, status,
errorMessage) from the state: nothing runs in the cloud and no credentials are needed. Values go
to stdout; secret outputs are masked unless --show-secrets.
${EXIT_CODES_HELP}

Examples:
  $ openmcf outputs -f my-api.yaml
  $ openmcf outputs -f my-api.yaml --json | jq -r '.results[0].outputs.url'
  $ openmcf outputs -f my-api.yaml --sandbox --show-secrets
`;
export function registerOutputs(program, context) {
    const command = program.command('outputs').description('print the stack outputs of each manifest');
    addManifestOptions(command);
    addCloudOptions(command, { credentials: false, targeting: 'none', refresh: false })
        .option('--show-secrets', 'print secret outputs in plain text')
        .addHelpText('after', HELP_AFTER)
        .action(async (flags) => {
        const { outputs } = await import('../../commands/outputs.js');
        context.setExitCode(await outputs(flags, context.io));
    });
}
