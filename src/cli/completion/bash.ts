// `openmcf completion bash`: a completion function generated from the command tree. Commands (and
// their aliases), each command's flags, paths after the flags that take one, and fixed choices.
import type { CommandSpec, FlagSpec, ValueCompletion } from './spec.js';

function words(flags: readonly FlagSpec[]): string {
  return flags.flatMap((f) => (f.short ? [f.short, f.long] : [f.long])).join(' ');
}

function flagsTaking(flags: readonly FlagSpec[], kind: ValueCompletion['kind']): string[] {
  return flags.filter((f) => f.value?.kind === kind).flatMap((f) => (f.short ? [f.short, f.long] : [f.long]));
}

/** `case` branches completing the value after a flag of this command. */
function valueBranches(flags: readonly FlagSpec[]): string[] {
  const branches: string[] = [];
  const files = flagsTaking(flags, 'file');
  if (files.length > 0) branches.push(`        ${files.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;`);
  for (const flag of flags) {
    if (flag.value?.kind !== 'choices') continue;
    branches.push(`        ${flag.short ? `${flag.short}|` : ''}${flag.long}) COMPREPLY=($(compgen -W "${flag.value.choices.join(' ')}" -- "$cur")); return 0 ;;`);
  }
  const none = flagsTaking(flags, 'none');
  if (none.length > 0) branches.push(`        ${none.join('|')}) COMPREPLY=(); return 0 ;;`);
  return branches;
}

function argumentLine(argument: ValueCompletion | undefined): string {
  if (argument?.kind === 'choices') return `COMPREPLY=($(compgen -W "${argument.choices.join(' ')}" -- "$cur"))`;
  if (argument?.kind === 'file') return 'COMPREPLY=($(compgen -f -- "$cur"))';
  return 'COMPREPLY=()';
}

/** The body completing one command's words: its flags, their values, its argument or subcommands. */
function commandBody(command: CommandSpec, depth: number): string[] {
  if (command.subcommands.length > 0) {
    // The subcommand first: its flags are not the parent's.
    const names = command.subcommands.flatMap((s) => [s.name, ...s.aliases]).join(' ');
    return [
      `      case "\${commands[${depth + 1}]}" in`,
      '      "")',
      `        if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(command.flags)}" -- "$cur")); return 0; fi`,
      `        COMPREPLY=($(compgen -W "${names}" -- "$cur"))`,
      '        ;;',
      ...command.subcommands.flatMap((sub) => [`      ${[sub.name, ...sub.aliases].join('|')})`, ...commandBody(sub, depth + 1).map((l) => `  ${l}`), '        ;;']),
      '      esac',
    ];
  }
  return [
    '      case "$prev" in',
    ...valueBranches(command.flags),
    '      esac',
    `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(command.flags)}" -- "$cur")); return 0; fi`,
    `      ${argumentLine(command.argument)}`,
  ];
}

export function bashCompletion(program: CommandSpec): string {
  const valueFlags = (spec: CommandSpec): string[] => [
    ...spec.flags.filter((f) => f.value !== undefined).flatMap((f) => (f.short ? [f.short, f.long] : [f.long])),
    ...spec.subcommands.flatMap(valueFlags),
  ];
  const takesValue = [...new Set(valueFlags(program))];
  const commandNames = program.subcommands.flatMap((c) => [c.name, ...c.aliases]);
  return [
    '# openmcf completion for bash. Load it in this shell with:  source <(openmcf completion bash)',
    '# or for every shell:  mkdir -p ~/.local/share/bash-completion/completions && openmcf completion bash > ~/.local/share/bash-completion/completions/openmcf',
    '_openmcf() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  # The command words typed so far (flags and their values left out).',
    '  local -a commands=()',
    '  local i word skip=0',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    word="${COMP_WORDS[i]}"',
    '    if ((skip)); then skip=0; continue; fi',
    '    case "$word" in',
    `      ${takesValue.join('|')}) skip=1 ;;`,
    '      -*) ;;',
    '      *) commands+=("$word") ;;',
    '    esac',
    '  done',
    '  case "${commands[0]}" in',
    '    "")',
    `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(program.flags)}" -- "$cur")); return 0; fi`,
    `      COMPREPLY=($(compgen -W "${commandNames.join(' ')}" -- "$cur"))`,
    '      ;;',
    ...program.subcommands.flatMap((command) => [`    ${[command.name, ...command.aliases].join('|')})`, ...commandBody(command, 0), '      ;;']),
    '  esac',
    '  return 0',
    '}',
    'complete -o filenames -F _openmcf openmcf',
    '',
  ].join('\n');
}
