// `openmcf completion zsh`: an `_arguments`-based completion function generated from the command
// tree, with each command's and flag's description.
import type { CommandSpec, FlagSpec, ValueCompletion } from './spec.js';

/** Text inside a single-quoted zsh word. */
function quoted(text: string): string {
  return text.replace(/'/g, `'\\''`);
}

/** A description inside the `[...]` of an _arguments spec. */
function bracketed(text: string): string {
  return quoted(text).replace(/([[\]])/g, '\\$1');
}

function action(value: ValueCompletion): string {
  if (value.kind === 'file') return ':file:_files';
  if (value.kind === 'choices') return `:value:(${value.choices.join(' ')})`;
  return ':value: ';
}

/** `'(-f --file)'{-f,--file}'[description]:file:_files'`; `*` instead of the exclusions when repeatable. */
function flagSpecs(flags: readonly FlagSpec[]): string[] {
  return flags.map((flag) => {
    const tail = `'[${bracketed(flag.description)}]${flag.value ? action(flag.value) : ''}'`;
    const repeatable = /repeatable/.test(flag.description);
    if (!flag.short) return `'${repeatable ? '*' : ''}${flag.long}'${tail}`;
    return `'${repeatable ? '*' : `(${flag.short} ${flag.long})`}'{${flag.short},${flag.long}}${tail}`;
  });
}

function describeList(commands: readonly CommandSpec[]): string {
  return commands.flatMap((c) => [c.name, ...c.aliases].map((name) => `'${name}:${quoted(c.description).replace(/:/g, '\\:')}'`)).join(' ');
}

function commandFunction(command: CommandSpec, prefix: string): string[] {
  const fn = `${prefix}_${command.name.replace(/-/g, '_')}`;
  const lines = [`${fn}() {`];
  if (command.subcommands.length > 0) {
    lines.push(
      '  local -a subcommands',
      `  subcommands=(${describeList(command.subcommands)})`,
      '  if (( CURRENT == 2 )); then _describe command subcommands; return; fi',
      '  shift words; (( CURRENT-- ))',
      '  case ${words[1]} in',
      ...command.subcommands.map((s) => `    ${[s.name, ...s.aliases].join('|')}) ${fn}_${s.name.replace(/-/g, '_')} ;;`),
      '  esac',
      '}',
      ...command.subcommands.flatMap((s) => commandFunction(s, fn)),
    );
    return lines;
  }
  const argument = command.argument ? [`'1${action(command.argument)}'`] : [];
  lines.push(`  _arguments -s ${[...flagSpecs(command.flags), ...argument].join(' \\\n    ')}`, '}');
  return lines;
}

export function zshCompletion(program: CommandSpec): string {
  return [
    '#compdef openmcf',
    '# openmcf completion for zsh. Load it in this shell with:  source <(openmcf completion zsh)',
    '# or for every shell: write it as _openmcf into a folder of your $fpath.',
    '_openmcf() {',
    '  local -a commands',
    `  commands=(${describeList(program.subcommands)})`,
    '  if (( CURRENT == 2 )); then _describe command commands; return; fi',
    '  shift words; (( CURRENT-- ))',
    '  case ${words[1]} in',
    ...program.subcommands.map((c) => `    ${[c.name, ...c.aliases].join('|')}) _openmcf_${c.name.replace(/-/g, '_')} ;;`),
    '  esac',
    '}',
    ...program.subcommands.flatMap((c) => commandFunction(c, '_openmcf')),
    'compdef _openmcf openmcf',
    '',
  ].join('\n');
}
