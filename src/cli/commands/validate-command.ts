// `openmcf validate`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { manifestSelectionFromFlags, type ManifestFlags } from '../flags/manifest-options.js';

const HELP_AFTER = `
Checks every document completely, offline: the JSON Schema, then the platform's rules (reserved
ports and env names, one scaling metric, cron schedules, private network region, stack labels).
Problems point at file:line:column. Exit 0 when valid (warnings allowed), 3 when not.

Examples:
  $ openmcf validate -f manifests/order-api.yaml
  $ openmcf validate manifests/order-api.yaml     # a path without -f works too
  $ openmcf validate -f manifests/                # every *.yaml / *.yml in the folder
  $ openmcf validate -f https://example.com/my-api.yaml
  $ openmcf validate --kustomize-dir deploy --overlay prod
  $ cat my-api.yaml | openmcf validate -f -
  $ openmcf validate -f manifests/ --json | jq '.diagnostics[] | .message'
`;

export function registerValidate(program: Command, context: CommandContext): void {
  const command = program
    .command('validate')
    .alias('validate-manifest')
    .description('check manifests against the schema and the platform rules, without deploying')
    .argument('[manifests...]', 'manifest paths or URLs, the same as -f');
  addManifestOptions(command)
    .addHelpText('after', HELP_AFTER)
    .action(async (paths: string[], flags: ManifestFlags) => {
      const { runValidate } = await import('../../commands/validate.js');
      context.setExitCode(await runValidate({ manifests: manifestSelectionFromFlags(flags, paths), json: flags.json === true }, context.io));
    });
}
