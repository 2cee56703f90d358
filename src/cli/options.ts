// Flags shared by every command that reads manifests, declared once so they mean the same
// everywhere.
import { Option, type Command } from 'commander';
import { parseShard } from '../manifest/shard.js';

export interface ManifestFlags {
  readonly file: string[];
  readonly set?: string[];
  readonly envFile?: string;
  readonly json?: boolean;
  readonly shard?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addManifestOptions(command: Command): Command {
  return command
    .requiredOption('-f, --file <path>', 'manifest file, directory of *.yaml/*.yml, or - for stdin (repeatable)', collect)
    .option('--set <path=value>', 'override a manifest field before validation, e.g. spec.image.tag=v2 (repeatable)', collect)
    .option('--env-file <file>', 'read ${VAR} substitution values from a dotenv file (process environment wins)')
    .option('--shard <i/n>', 'take only part i of n of the documents (stable by file and position), for a CI matrix of n runners, e.g. 2/4')
    .addOption(new Option('--json', 'print one machine-readable JSON document on stdout'));
}

/** Normalises the shared manifest flags once, into what the manifest pipeline takes. */
export function manifestInputFromFlags(flags: ManifestFlags): import('../manifest/load.js').ManifestInputOptions {
  return {
    files: flags.file,
    ...(flags.set ? { sets: flags.set } : {}),
    ...(flags.envFile ? { envFile: flags.envFile } : {}),
    ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
  };
}
