// Flags shared by every command that reads manifests, declared once so they mean the same
// everywhere.
import { Option, type Command } from 'commander';
import { invalidInput } from '../errors.js';
import { parseShard } from '../manifest/shard.js';

export interface ManifestFlags {
  /** -f/--file and --manifest, in the order given (positional paths appended by the command). */
  readonly file?: string[];
  readonly set?: string[];
  readonly envFile?: string;
  readonly json?: boolean;
  readonly kustomizeDir?: string;
  readonly overlay?: string;
  readonly shard?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addManifestOptions(command: Command): Command {
  command
    .option('-f, --file <path>', 'manifest file, directory of *.yaml/*.yml, http(s):// URL, or - for stdin (repeatable)', collect)
    .option('--manifest <path>', 'the same as -f/--file (the original OpenMCF CLI\'s name for it; repeatable)')
    .option('--kustomize-dir <dir>', 'build the manifests with kustomize from <dir>/overlays/<overlay> (needs --overlay)')
    .option('--overlay <name>', 'the kustomize overlay to build (needs --kustomize-dir)')
    .option('--set <path=value>', 'override a manifest field before validation, e.g. spec.image.tag=v2 (repeatable)', collect)
    .option('--env-file <file>', 'read ${VAR} substitution values from a dotenv file (process environment wins)')
    .option('--shard <i/n>', 'take only part i of n of the documents (stable by file and position), for a CI matrix of n runners, e.g. 2/4')
    .addOption(new Option('--json', 'print one machine-readable JSON document on stdout'));
  // --manifest is a second long name of --file: its values join -f's list, in command-line order.
  command.on('option:manifest', (value: string) => {
    command.setOptionValue('file', collect(value, command.getOptionValue('file') as string[] | undefined));
  });
  return command;
}

/** The flags with positional manifest paths (`openmcf validate my-api.yaml`) added after -f's. */
export function withPositionalFiles<T extends ManifestFlags>(flags: T, paths: readonly string[]): T {
  return paths.length === 0 ? flags : { ...flags, file: [...(flags.file ?? []), ...paths] };
}

/** Normalises the shared manifest flags once, into what the manifest pipeline takes. */
export function manifestInputFromFlags(flags: ManifestFlags): import('../manifest/load.js').ManifestInputOptions {
  const files = flags.file ?? [];
  if ((flags.kustomizeDir === undefined) !== (flags.overlay === undefined)) {
    throw invalidInput(
      flags.overlay === undefined ? '--kustomize-dir needs --overlay <name>' : '--overlay needs --kustomize-dir <dir>',
      'flag.kustomize',
      'e.g. --kustomize-dir deploy --overlay prod builds deploy/overlays/prod',
    );
  }
  if (files.length === 0 && flags.kustomizeDir === undefined) {
    throw invalidInput(
      'no manifest given',
      'flag.no-manifest',
      'pass -f/--file <path> (a file, a directory, an http(s):// URL, or - for stdin), or --kustomize-dir <dir> --overlay <name>',
    );
  }
  return {
    files,
    ...(flags.kustomizeDir !== undefined && flags.overlay !== undefined ? { kustomize: { dir: flags.kustomizeDir, overlay: flags.overlay } } : {}),
    ...(flags.set ? { sets: flags.set } : {}),
    ...(flags.envFile ? { envFile: flags.envFile } : {}),
    ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
  };
}
