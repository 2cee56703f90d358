// Collects the examples users read, from where they read them: the `$ ...` lines of every
// `--help` (the built binary's own output, for the top level and every command and subcommand it
// lists) and the README's ```sh blocks and inline commands. test/e2e/documented-examples.test.ts
// runs each one. Nothing here knows which examples exist: a new command or example is found.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { OPENMCF_BIN, openmcfEnv } from '../../helpers/run-openmcf.js';

const run = promisify(execFile);

export interface Example {
  /** What identifies the example: `normaliseCommand` of its text. */
  readonly key: string;
  /** The text to run, exactly as documented (continuation lines and comments included). */
  readonly text: string;
  /** Where it is documented, e.g. `openmcf apply --help` or `README.md:412`. */
  readonly source: string;
}

/**
 * A command's text without its comment and line continuations, spaces collapsed: what a runner is
 * matched on, so that rewording a comment or re-aligning columns needs no change to the test.
 */
export function normaliseCommand(text: string): string {
  return text
    .split('\n')
    .reduce<string[]>((lines, line) => {
      // A line ending in `\` continues on the next one.
      const previous = lines.at(-1);
      if (previous !== undefined && previous.endsWith('\\')) lines[lines.length - 1] = `${previous.slice(0, -1)} ${line}`;
      else lines.push(line);
      return lines;
    }, [])
    .map((line) => stripComment(line).replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A shell line without its `# comment` (a `#` inside quotes or a word, like `${#x}`, stays). */
export function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i);
  }
  return line;
}

// ---------------------------------------------------------------------------------------------
// --help

/** The command words of every command and subcommand the top-level help lists, recursively. */
export async function commandPaths(): Promise<string[][]> {
  const paths: string[][] = [];
  const walk = async (path: string[]): Promise<void> => {
    const subcommands = listedCommands(await help(path));
    for (const name of subcommands) paths.push([...path, name]);
    await Promise.all(subcommands.map((name) => walk([...path, name])));
  };
  await walk([]);
  return paths.sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
}

export async function help(path: readonly string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [OPENMCF_BIN, ...path, '--help'], { env: openmcfEnv() });
  return stdout;
}

/** The names in a help's `Commands:` section (aliases and commander's own `help` left out). */
export function listedCommands(helpText: string): string[] {
  const start = helpText.indexOf('\nCommands:\n');
  if (start < 0) return [];
  const section = helpText.slice(start + '\nCommands:\n'.length).split('\n\n')[0] as string;
  return section
    .split('\n')
    .map((line) => /^ {2}([a-z][a-z0-9-]*)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'help');
}

/**
 * Every `$ ` line of a help text, with the lines it continues onto. Any `$ ` line counts, under
 * whatever heading (`Example:`, `Examples:`), so no example can hide from the test.
 */
export function helpExamples(helpText: string, source: string): Example[] {
  const lines = helpText.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const start = /^\s+\$ (.*)$/.exec(lines[i] ?? '');
    if (!start) continue;
    const text = [start[1] as string];
    while (
      stripComment(text.at(-1) as string)
        .trimEnd()
        .endsWith('\\') &&
      i + 1 < lines.length
    ) {
      i += 1;
      text.push(lines[i] as string);
    }
    const joined = text.join('\n');
    examples.push({ key: normaliseCommand(joined), text: joined, source });
  }
  return examples;
}

/** The examples of `openmcf --help` and of every command's and subcommand's `--help`. */
export async function allHelpExamples(): Promise<Example[]> {
  const paths = [[], ...(await commandPaths())];
  const texts = await Promise.all(paths.map((path) => help(path)));
  return paths.flatMap((path, i) => helpExamples(texts[i] as string, ['openmcf', ...path, '--help'].join(' ')));
}

// ---------------------------------------------------------------------------------------------
// README

export interface ReadmeBlock {
  /** The block's lines, excluded ones left out; empty when nothing in it is left to run. */
  readonly example: Example | undefined;
  /** The lines left out, as listed in the exclusions. */
  readonly excluded: string[];
}

/**
 * Each ```sh block is one example, run as one script (its `export` lines set up the lines after
 * them). Lines whose command is in `excluded` are left out of it.
 */
export function readmeShellBlocks(readme: string, excluded: ReadonlySet<string>): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const fence = /^```sh\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(readme); match; match = fence.exec(readme)) {
    const line = readme.slice(0, match.index).split('\n').length;
    const kept: string[] = [];
    const left: string[] = [];
    for (const text of (match[1] as string).replace(/\n$/, '').split('\n')) {
      const key = normaliseCommand(text);
      if (excluded.has(key)) left.push(key);
      else kept.push(text);
    }
    const text = kept.join('\n');
    const key = normaliseCommand(text);
    blocks.push({ example: key === '' ? undefined : { key, text, source: `README.md:${line}` }, excluded: left });
  }
  return blocks;
}

export type InlineKind = 'example' | 'synopsis' | 'reference';

export interface InlineCommand {
  readonly text: string;
  readonly source: string;
  /**
   * `synopsis`: it has placeholders (`<path>`, `[name]`, `...`, `a\|b`), so it is a form, not a
   * command line. `reference`: only a command's name (`openmcf engine install`), naming it in a
   * sentence. Anything else is an example, to be run.
   */
  readonly kind: InlineKind;
  /** The command words after `openmcf` (up to the first flag or placeholder). */
  readonly words: string[];
}

/**
 * The README's inline code spans (outside fenced blocks) that run openmcf: those starting with
 * `openmcf ` or `node [--] bin/openmcf.js `, and shell forms that call it (`$(openmcf ...)`,
 * `<(openmcf ...)`).
 */
export function readmeInlineCommands(readme: string, commands: readonly string[][]): InlineCommand[] {
  const prose = readme.replace(/^```[\s\S]*?^```$/gm, (block) => block.replace(/[^\n]/g, ' '));
  const found: InlineCommand[] = [];
  const span = /`([^`\n]+)`/g;
  for (let match = span.exec(prose); match; match = span.exec(prose)) {
    const text = match[1] as string;
    const call = /^openmcf (.*)$/.exec(text)?.[1] ?? /^node (?:-- )?bin\/openmcf\.js (.*)$/.exec(text)?.[1] ?? /[$<]\(openmcf ([^)]*)\)/.exec(text)?.[1];
    if (call === undefined) continue;
    const source = `README.md:${prose.slice(0, match.index).split('\n').length}`;
    const tokens = call.trim().split(/\s+/);
    const words = commandWords(tokens, commands);
    const synopsis = /<[a-z]|\.\.\.|\[|\\\||(?:^|\s)[a-z]+\|[a-z]+/.test(call);
    const reference = !synopsis && words.length === tokens.length && text.startsWith('openmcf ');
    found.push({ text, source, kind: synopsis ? 'synopsis' : reference ? 'reference' : 'example', words });
  }
  return found;
}

/** The longest prefix of `tokens` that is a command path of the CLI. */
function commandWords(tokens: readonly string[], commands: readonly string[][]): string[] {
  let words: string[] = [];
  for (const path of commands) {
    if (path.length > words.length && path.every((word, i) => tokens[i] === word)) words = path;
  }
  return words;
}
