// Flags of the commands that reach a stack (apply, preview, destroy, refresh, outputs, cancel), declared
// once so they mean the same everywhere.
import type { Command } from 'commander';
import type { Io } from '../../core/io.js';
import type { CloudCommand } from '../../render/result-document.js';
import { DEFAULT_PARALLEL, type CloudOptions } from '../../run/run-options.js';
import type { CloudFlags } from './cloud-options.js';

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export interface CloudOptionSet {
  /** Whether the run uses the Scaleway credentials of -p/--provider-config. Every cloud command
   * takes the flag (the README says so, and the commands openmcf suggests repeat the run's flags
   * as given); `outputs` and `cancel` only accept it. */
  readonly credentials: boolean;
  /** --target / --replace (URNs or URN globs handed to the engine). */
  readonly targeting: 'none' | 'target' | 'target-and-replace';
  /** --refresh: read the cloud before the operation; 'default': it does unless --no-refresh. */
  readonly refresh: boolean | 'default';
}

export function addCloudOptions(command: Command, set: CloudOptionSet): Command {
  command
    .option('--sandbox', 'use the simulated Scaleway cloud and its own local state: nothing real is touched, no credentials needed')
    .option(
      '--backend <url>',
      'Pulumi state backend (file:///dir, s3://bucket?endpoint=..., postgres://..., https://api.pulumi.com); default: PULUMI_BACKEND_URL, your pulumi login, then $OPENMCF_HOME/state (with --sandbox: the sandbox folder)',
    )
    .option('--lock-wait <duration>', 'when another run holds a stack, wait up to this long for it (e.g. 30s, 5m) instead of exiting 4')
    .option('--stack <org/project/stack>', 'stack to use instead of the manifest labels (one manifest only)')
    .option('--parallel <n>', `stacks to run at once when several manifests are given (default ${DEFAULT_PARALLEL})`);
  command.option(
    '-p, --provider-config <file>',
    set.credentials
      ? 'YAML file with Scaleway credentials (accessKey, secretKey, projectId, organizationId, region, zone)'
      : 'YAML file with Scaleway credentials: accepted as by the other cloud commands, not needed here (state only)',
  );
  if (set.refresh === true) command.option('--refresh', 'refresh the state from the cloud first');
  if (set.refresh === 'default') {
    command
      .option('--refresh', 'refresh the state from the cloud first, to show what changed outside openmcf (the default)')
      .option('--no-refresh', 'plan from the state as recorded, without reading the cloud first (faster; drift goes unseen)');
  }
  if (set.targeting !== 'none') {
    command.option('--target <resource>', 'limit the operation to this resource: namespace, container, cron-<trigger>, or a URN (globs allowed; repeatable)', collect);
  }
  if (set.targeting === 'target-and-replace') {
    command.option('--replace <resource>', 'replace this resource even if unchanged: namespace, container, cron-<trigger>, or a URN (repeatable)', collect);
  }
  return command;
}

/** The exit codes, the same in every cloud command's help. */
export const EXIT_CODES_HELP = `
Exit codes: 0 success; 1 the operation failed; 2 changes found (preview --detailed-exitcode);
3 invalid input (manifest, flags, credentials), nothing touched; 4 stack locked by another run;
130 interrupted (Ctrl-C).`;

/** Imports a command handler that loads the Pulumi SDK, after telling the SDK's loading to leave
 * out what openmcf never uses (src/engine/lazy-typescript.ts). */
export async function loadCloudHandler<T>(load: () => Promise<T>): Promise<T> {
  (await import('../../engine/lazy-typescript.js')).deferTypescriptLoading();
  return load();
}

/** A run command's options from its flags; wrong flags are reported as the run reports any failure
 * (its --json document) before they are rethrown. Imported lazily: --help loads none of it. */
export async function runOptions(command: CloudCommand, flags: CloudFlags, io: Io): Promise<CloudOptions> {
  const [{ cloudOptionsFromFlags, optionsOrReport }, { reportRunFailure }] = await Promise.all([import('./cloud-options.js'), import('../../run/report.js')]);
  return optionsOrReport(
    () => cloudOptionsFromFlags(flags),
    (error) => reportRunFailure(command, io, { json: flags.json ?? false, sandbox: flags.sandbox ?? false }, error),
  );
}
