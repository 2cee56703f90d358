// What shell completion knows about the CLI, read from the declared command tree so that it can
// never drift from the flags commander actually accepts.
import type { Command } from 'commander';

/** How a flag's value (or a command's argument) is completed. */
export type ValueCompletion = { readonly kind: 'none' } | { readonly kind: 'file' } | { readonly kind: 'choices'; readonly choices: readonly string[] };

export interface FlagSpec {
  /** `-f`, when there is a short form. */
  readonly short?: string;
  /** `--file`. */
  readonly long: string;
  readonly description: string;
  /** Undefined for a switch (no value). */
  readonly value?: ValueCompletion;
}

export interface CommandSpec {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly flags: readonly FlagSpec[];
  /** What the command's first positional argument completes to, if it takes one. */
  readonly argument?: ValueCompletion;
  readonly subcommands: readonly CommandSpec[];
}

/** Flags whose value is a path. */
const FILE_FLAGS = new Set(['--file', '--env-file', '--provider-config', '--output']);

const HELP_FLAG: FlagSpec = { short: '-h', long: '--help', description: 'display help for command' };

export function completionSpec(program: Command): CommandSpec {
  return commandSpec(program);
}

function commandSpec(command: Command): CommandSpec {
  const flags: FlagSpec[] = command.options
    .filter((option) => !option.hidden && option.long !== undefined)
    .map((option) => {
      const long = option.long as string;
      const takesValue = option.required || option.optional;
      const value: ValueCompletion | undefined = !takesValue
        ? undefined
        : option.argChoices
          ? { kind: 'choices', choices: option.argChoices }
          : FILE_FLAGS.has(long)
            ? { kind: 'file' }
            : { kind: 'none' };
      return { ...(option.short ? { short: option.short } : {}), long, description: option.description, ...(value ? { value } : {}) };
    });
  const first = command.registeredArguments[0];
  const argument: ValueCompletion | undefined = first === undefined ? undefined : first.argChoices ? { kind: 'choices', choices: first.argChoices } : { kind: 'file' };
  return {
    name: command.name(),
    aliases: command.aliases(),
    description: command.description(),
    flags: [...flags, HELP_FLAG],
    ...(argument ? { argument } : {}),
    subcommands: command.commands.map(commandSpec),
  };
}
