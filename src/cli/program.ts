// Declares the command tree. Each command's flags live in src/cli/commands/<verb>.ts, which
// imports its handler lazily so that `validate` and `--help` never load the Pulumi SDK.
import { Command } from 'commander';
import { versionText } from '../core/version.js';
import type { Io } from '../core/io.js';
import type { CommandContext } from './flags/command-context.js';
import { TOP_LEVEL_HELP } from './top-level-help.js';

export type { CommandContext } from './flags/command-context.js';

type Register = (program: Command, context: CommandContext) => void;

/** Every command, in the order `--help` lists them, with the names (aliases too) that select it.
 * `live`: the command shows live progress on a terminal, and its first line is drawn at start-up
 * (see firstPhaseWanted). */
const COMMANDS: ReadonlyArray<{ readonly names: readonly string[]; readonly load: () => Promise<Register>; readonly needsAll?: boolean; readonly live?: boolean }> = [
  { names: ['validate', 'validate-manifest'], load: async () => (await import('./commands/validate-command.js')).registerValidate },
  { names: ['load', 'load-manifest'], load: async () => (await import('./commands/load-command.js')).registerLoad },
  { names: ['apply'], load: async () => (await import('./commands/apply-command.js')).registerApply, live: true },
  { names: ['preview', 'plan'], load: async () => (await import('./commands/preview-command.js')).registerPreview, live: true },
  { names: ['destroy', 'delete'], load: async () => (await import('./commands/destroy-command.js')).registerDestroy, live: true },
  { names: ['import'], load: async () => (await import('./commands/import-command.js')).registerImport, live: true },
  { names: ['refresh'], load: async () => (await import('./commands/refresh-command.js')).registerRefresh, live: true },
  { names: ['cancel', 'unlock'], load: async () => (await import('./commands/cancel-command.js')).registerCancel },
  { names: ['outputs'], load: async () => (await import('./commands/outputs-command.js')).registerOutputs },
  { names: ['stacks'], load: async () => (await import('./commands/stacks-command.js')).registerStacks },
  { names: ['status'], load: async () => (await import('./commands/status-command.js')).registerStatus },
  { names: ['doctor'], load: async () => (await import('./commands/doctor-command.js')).registerDoctor },
  { names: ['engine'], load: async () => (await import('./commands/engine-command.js')).registerEngine },
  { names: ['sandbox'], load: async () => (await import('./commands/sandbox-command.js')).registerSandbox },
  { names: ['init'], load: async () => (await import('./commands/init-command.js')).registerInit },
  { names: ['schema'], load: async () => (await import('./commands/schema-command.js')).registerSchema },
  { names: ['version'], load: async () => (await import('./commands/version-command.js')).registerVersion },
  // Completion is generated from the whole tree, so it needs every command declared.
  { names: ['completion'], load: async () => (await import('./commands/completion-command.js')).registerCompletion, needsAll: true },
];

/** `-v` is the original OpenMCF CLI's; `-V` was this CLI's first (main() reads it as `-v`). */
export const VERSION_FLAGS: readonly string[] = ['-v', '-V', '--version'];

/**
 * Whether `argv` runs a command with live progress (not its --help): on a terminal its first line
 * is drawn before anything else loads, as the command's modules and then the Pulumi SDK take most
 * of a second; the command's progress renderer takes the line over.
 */
export function firstPhaseWanted(argv: readonly string[]): boolean {
  return COMMANDS.some((command) => command.live === true && command.names.includes(argv[0] ?? '')) && !argv.some((arg) => arg === '-h' || arg === '--help');
}

/** A command handler's result: the process exit code. Handlers never call process.exit. */
export type CommandResult = Promise<number>;

/**
 * Builds the command tree for `argv`. When argv names a command, only that command is declared:
 * each declaration is a module to load, and the quick commands (`validate`) are measured against
 * bare Node start-up. `--version` alone needs none; anything else (`--help`, `help`, a typo) gets
 * the whole tree.
 */
export async function buildProgram(argv: readonly string[], io: Io, setExitCode: (code: number) => void): Promise<Command> {
  const program = new Command('openmcf')
    .description('Turn a YAML manifest into a running Scaleway Serverless Container.')
    .version(versionText(), '-v, --version', 'print the CLI version and the engine and plugin versions it pins (-V works too)')
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .addHelpText('after', TOP_LEVEL_HELP)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    // Before any subcommand is added, so each inherits it: a usage error in a subcommand (e.g. a
    // missing required -f) then reaches main() and exits 3 instead of commander's own exit(1).
    .exitOverride();

  const context: CommandContext = { io, setExitCode };
  // `--version` needs no command at all.
  const versionOnly = argv.length === 1 && VERSION_FLAGS.includes(argv[0] as string);
  const selected = COMMANDS.filter((command) => command.names.includes(argv[0] ?? ''));
  const wanted = versionOnly ? [] : selected.length > 0 && !selected.some((c) => c.needsAll) ? selected : COMMANDS;
  const registers = await Promise.all(wanted.map((command) => command.load()));
  for (const register of registers) register(program, context);
  return program;
}
