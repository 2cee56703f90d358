// `openmcf stacks`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { loadCloudHandler } from '../flags/cloud-flags.js';
import { DEFAULT_PARALLEL } from '../../run/run-options.js';
import type { CloudFlags } from '../flags/cloud-options.js';

const HELP_AFTER = `
Lists every stack of the backend (file, S3, PostgreSQL, Pulumi Cloud) with its resource count (as
the engine counts them: the stack and its provider included), its last update and how that ended.
With -f, each stack is matched to the manifest that names it, and the stacks of the same projects and
environments (the stack name's part before the first dot) that no manifest names are marked ORPHAN:
a renamed or deleted manifest leaves them running. \`openmcf destroy --stack <stack> --yes\`
removes one; \`openmcf apply -f <folder> --prune\` all of that folder's. The table goes to stdout.

Exit codes: 0 listed; 1 the backend could not be read; 3 invalid input.

Examples:
  $ openmcf stacks --sandbox
  $ openmcf stacks -f manifests/ --sandbox
  $ openmcf stacks --sandbox --json | jq -r '.stacks[].stack'
`;

export function registerStacks(program: Command, context: CommandContext): void {
  const command = program.command('stacks').description('list the stacks of the backend; with -f, mark those no manifest names (orphans)');
  addManifestOptions(command);
  command
    .option('--sandbox', 'list the stacks of the sandbox (its own state)')
    .option(
      '--backend <url>',
      'Pulumi state backend (file:///dir, s3://bucket?endpoint=..., postgres://..., https://api.pulumi.com); default: PULUMI_BACKEND_URL, your pulumi login, then $OPENMCF_HOME/state (with --sandbox: the sandbox folder)',
    )
    .option('--parallel <n>', `stacks whose history is read at once (default ${DEFAULT_PARALLEL})`)
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: CloudFlags) => {
      const { stacks, reportStacksFailure } = await loadCloudHandler(() => import('../../commands/stacks.js'));
      const { cloudOptionsFromFlags, optionsOrReport } = await import('../flags/cloud-options.js');
      const options = optionsOrReport(
        () => cloudOptionsFromFlags(flags),
        (error) => reportStacksFailure(context.io, { json: flags.json ?? false, sandbox: flags.sandbox ?? false }, error),
      );
      context.setExitCode(await stacks(options, context.io));
    });
}
