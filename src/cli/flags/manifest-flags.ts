// Flags shared by every command that reads manifests, declared once so they mean the same
// everywhere.
import { Option, type Command } from 'commander';

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function addManifestOptions(command: Command): Command {
  command
    .option('-f, --file <path>', 'manifest file, directory of *.yaml/*.yml, http(s):// URL, or - for stdin (repeatable)', collect)
    .option('--manifest <path>', "the same as -f/--file (the original OpenMCF CLI's name for it; repeatable)")
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
