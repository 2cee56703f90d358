// `openmcf schema`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';

const HELP_AFTER = `
Examples:
  $ openmcf schema > openmcf.schema.json
  $ openmcf schema --output .vscode/openmcf.schema.json

Editor wiring (VS Code with the Red Hat YAML extension, Neovim, JetBrains, or any
yaml-language-server client):
  - per file, as its first line:
      # yaml-language-server: $schema=./openmcf.schema.json
  - or for a folder, in .vscode/settings.json:
      "yaml.schemas": { "./openmcf.schema.json": ["manifests/*.yaml"] }
The editor then completes field names, shows each field's description and default, and marks
unknown fields and wrong types as you type.
`;

export function registerSchema(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of the manifest, for editors and other tools')
    .option('-o, --output <file>', 'write the schema to a file instead of stdout')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: { output?: string }) => {
      const { runSchema } = await import('../../commands/schema.js');
      context.setExitCode(await runSchema(flags, context.io));
    });
}
