// `openmcf apply`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { addManifestOptions } from '../flags/manifest-flags.js';
import { addCloudOptions, EXIT_CODES_HELP, loadCloudHandler, runOptions } from '../flags/cloud-flags.js';
import type { CloudFlags } from '../flags/cloud-options.js';

const HELP_AFTER = `
Apply previews every change and prints the plan first. On a terminal it then asks (a production
stack, one whose stack name starts with prod. or production., asks for its name to be typed
before a replacement or deletion); a declined confirmation changes nothing and exits 1. Without a
terminal (CI), --yes is required: the plan is printed and applied (--skip-preview: not printed). Several manifests (files, folders, multi-document YAML, - for stdin) each get
their own stack and run concurrently. After the update the container's status is read: a container
the platform reports in "error" fails the run with the platform's message. --prune then destroys
the orphans: stacks of the manifests' projects and environments that no manifest names (a renamed or
deleted manifest's), asking first (--yes without a terminal), only when the whole apply succeeded,
and removes them from the backend (\`openmcf stacks -f <folder>\` lists them).
${EXIT_CODES_HELP}

Examples:
  $ openmcf apply -f my-api.yaml
  $ openmcf apply -f manifests/ --yes --json > result.json
  $ openmcf apply -f my-api.yaml --sandbox --yes        # simulated cloud, nothing real touched
  $ openmcf apply -f my-api.yaml --sandbox --yes --skip-preview
  $ openmcf apply -f manifests/ --sandbox --yes --prune   # and destroy the stacks no manifest names
  $ openmcf apply --plan plan.json                       # exactly what preview --save-plan saved
  $ openmcf apply -f my-api.yaml --sandbox --yes --redeploy   # the same tag, pushed again
  $ openmcf apply -f my-api.yaml -p scaleway.yaml --set spec.image.tag=v2 --yes
  $ openmcf apply -f manifests/ --shard 1/4 --lock-wait 10m --yes \\
      --backend 's3://team-state?endpoint=s3.fr-par.scw.cloud&region=fr-par'   # AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY set
  $ openmcf apply -f my-api.yaml --sandbox --backend postgres://u:pw@db:5432/state --yes   # shared state, simulated cloud
`;

export function registerApply(program: Command, context: CommandContext): void {
  const command = program.command('apply').description('create or update the container described by each manifest');
  addManifestOptions(command);
  addCloudOptions(command, { credentials: true, targeting: 'target-and-replace', refresh: 'default' })
    .option('-y, --yes', 'apply without asking (required without a terminal); the plan is still printed')
    .option('--skip-preview', 'with --yes: update at once, without previewing first (changes are listed as they are made)')
    .option('--prune', "afterwards, destroy the stacks of the manifests' projects and environments that no manifest names (orphans), asking first (--yes without a terminal)")
    .option('--redeploy', 'deploy each container again with the same image reference (a tag such as latest pushed again)')
    .option(
      '--plan <file>',
      'apply exactly the plan `preview --save-plan` wrote (no new preview, no question); refused when a manifest, an input or the state changed since (instead of -f)',
    )
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: CloudFlags) => {
      const { apply } = await loadCloudHandler(() => import('../../commands/apply.js'));
      context.setExitCode(await apply(await runOptions('apply', { ...flags, refresh: flags.refresh ?? true }, context.io), context.io));
    });
}
