import { addManifestOptions } from '../options.js';
import { addCloudOptions, EXIT_CODES_HELP } from './cloud-options.js';
const HELP_AFTER = `
On a terminal, apply previews every change and asks before making it. Without a terminal (CI),
--yes is required. Several manifests (files, folders, multi-document YAML, - for stdin) each get
their own stack and run concurrently. After the update the container's status is read: a container
the platform reports in "error" fails the run with the platform's message.
${EXIT_CODES_HELP}

Examples:
  $ openmcf apply -f my-api.yaml
  $ openmcf apply -f manifests/ --yes --json > result.json
  $ openmcf apply -f my-api.yaml --sandbox --yes        # simulated cloud, nothing real touched
  $ openmcf apply -f my-api.yaml -p scaleway.yaml --set spec.image.tag=v2 --yes
`;
export function registerApply(program, context) {
    const command = program.command('apply').description('create or update the container described by each manifest');
    addManifestOptions(command);
    addCloudOptions(command, { credentials: true, targeting: 'target-and-replace', refresh: true })
        .option('-y, --yes', 'apply without asking (required without a terminal)')
        .addHelpText('after', HELP_AFTER)
        .action(async (flags) => {
        const { apply } = await import('../../commands/apply.js');
        context.setExitCode(await apply(flags, context.io));
    });
}
