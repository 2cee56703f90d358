// Flags shared by every command that reads manifests, declared once so they mean the same
// everywhere.
import { Option, type Command } from 'commander';

export interface ManifestFlags {
  readonly file: string[];
  readonly set?: string[];
  readonly envFile?: string;
  readonly json?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addManifestOptions(command: Command): Command {
  reportUnknownOptionsFirst(command);
  return command
    .requiredOption('-f, --file <path>', 'manifest file, directory of *.yaml/*.yml, or - for stdin (repeatable)', collect)
    .option('--set <path=value>', 'override a manifest field before validation, e.g. spec.image.tag=v2 (repeatable)', collect)
    .option('--env-file <file>', 'read ${VAR} substitution values from a dotenv file (process environment wins)')
    .addOption(new Option('--json', 'print one machine-readable JSON document on stdout'));
}

/** Normalises the shared manifest flags once, into what the manifest pipeline takes. */
export function manifestInputFromFlags(flags: ManifestFlags): import('../manifest/load.js').ManifestInputOptions {
  return {
    files: flags.file,
    ...(flags.set ? { sets: flags.set } : {}),
    ...(flags.envFile ? { envFile: flags.envFile } : {}),
  };
}

/**
 * commander checks required options before unknown ones, so `validate --fil x` would say "-f is
 * missing" instead of "unknown option --fil (Did you mean --file?)". The typo is the real problem:
 * report it first.
 */
function reportUnknownOptionsFirst(command: Command): void {
  // Both methods exist on every Command; commander's typings leave them out.
  const internals = command as unknown as { missingMandatoryOptionValue(option: unknown): void; unknownOption(flag: string): void };
  const missing = internals.missingMandatoryOptionValue.bind(command);
  internals.missingMandatoryOptionValue = (option) => {
    const unknown = command.args.find((arg) => arg.startsWith('-') && arg !== '-' && !isKnownFlag(command, arg));
    if (unknown !== undefined) internals.unknownOption(unknown);
    missing(option);
  };
}

function isKnownFlag(command: Command, arg: string): boolean {
  const flag = arg.split('=')[0] ?? arg;
  return flag === '-h' || flag === '--help' || command.options.some((o) => o.short === flag || o.long === flag);
}
