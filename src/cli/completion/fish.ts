// `openmcf completion fish`: `complete` lines generated from the command tree.
import type { CommandSpec, FlagSpec } from './spec.js';

function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function flagLine(condition: string, flag: FlagSpec): string {
  const parts = ['complete -c openmcf', `-n ${quoted(condition)}`];
  if (flag.short) parts.push(`-s ${flag.short.slice(1)}`);
  parts.push(`-l ${flag.long.slice(2)}`);
  if (flag.value?.kind === 'file') parts.push('-r -F');
  else if (flag.value?.kind === 'choices') parts.push(`-x -a ${quoted(flag.value.choices.join(' '))}`);
  else if (flag.value) parts.push('-x');
  parts.push(`-d ${quoted(flag.description)}`);
  return parts.join(' ');
}

function commandLines(command: CommandSpec, parents: readonly string[]): string[] {
  const names = [command.name, ...command.aliases];
  const seen =
    parents.length === 0
      ? `__fish_seen_subcommand_from ${names.join(' ')}`
      : `__fish_seen_subcommand_from ${parents.join(' ')}; and __fish_seen_subcommand_from ${names.join(' ')}`;
  const lines: string[] = [];
  if (command.subcommands.length > 0) {
    const subNames = command.subcommands.flatMap((s) => [s.name, ...s.aliases]);
    for (const sub of command.subcommands) {
      for (const name of [sub.name, ...sub.aliases]) {
        lines.push(`complete -c openmcf -n ${quoted(`${seen}; and not __fish_seen_subcommand_from ${subNames.join(' ')}`)} -a ${name} -d ${quoted(sub.description)}`);
      }
      lines.push(...commandLines(sub, [...parents, ...names]));
    }
    return lines;
  }
  for (const flag of command.flags) lines.push(flagLine(seen, flag));
  if (command.argument?.kind === 'choices') lines.push(`complete -c openmcf -n ${quoted(seen)} -a ${quoted(command.argument.choices.join(' '))}`);
  if (command.argument?.kind === 'file') lines.push(`complete -c openmcf -n ${quoted(seen)} -F`);
  return lines;
}

export function fishCompletion(program: CommandSpec): string {
  const lines = [
    '# openmcf completion for fish. Load it with:  openmcf completion fish | source',
    '# or for every shell:  openmcf completion fish > ~/.config/fish/completions/openmcf.fish',
    'complete -c openmcf -f',
  ];
  for (const command of program.subcommands) {
    for (const name of [command.name, ...command.aliases]) lines.push(`complete -c openmcf -n __fish_use_subcommand -a ${name} -d ${quoted(command.description)}`);
  }
  for (const flag of program.flags) lines.push(flagLine('__fish_use_subcommand', flag));
  for (const command of program.subcommands) lines.push(...commandLines(command, []));
  return `${lines.join('\n')}\n`;
}
