// `openmcf completion bash|zsh|fish`. The bash script is loaded into a real bash and its function
// called the way bash calls it (COMP_WORDS, COMP_CWORD), so the tests see what a user's Tab sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runOpenmcf, tempDir } from '../helpers/run-openmcf.js';

const bashScript = runOpenmcf(['completion', 'bash']);
const scriptFile = join(tempDir('openmcf-completion-'), 'openmcf.bash');
writeFileSync(scriptFile, bashScript.stdout);

/** What Tab offers after `line` (the last word is the one being completed; '' for a new word). */
function complete(line: string): string[] {
  const words = line.split(' ');
  const quotedWords = words.map((w) => `'${w}'`).join(' ');
  const program = `source '${scriptFile}'; COMP_WORDS=(${quotedWords}); COMP_CWORD=${words.length - 1}; _openmcf; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  return result.stdout.split('\n').filter((l) => l !== '');
}

/** The long flags a command's --help lists. */
function helpFlags(command: string[]): string[] {
  const help = runOpenmcf([...command, '--help']).stdout;
  return [...new Set([...help.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1] as string))].sort();
}

test('completion bash prints a script that defines and registers the completion function', () => {
  assert.equal(bashScript.code, 0, bashScript.stderr);
  assert.match(bashScript.stdout, /^_openmcf\(\) \{$/m);
  assert.match(bashScript.stdout, /^complete -o filenames -F _openmcf openmcf$/m);
});

test('bash: commands, aliases included, complete from their first letters', () => {
  assert.deepEqual(complete('openmcf ap'), ['apply']);
  assert.deepEqual(complete('openmcf v').sort(), ['validate', 'validate-manifest', 'version']);
  assert.ok(complete('openmcf ').includes('completion'));
  assert.deepEqual(complete('openmcf engine '), ['install']);
  assert.deepEqual(complete('openmcf completion ').sort(), ['bash', 'fish', 'zsh']);
});

test('bash: each command completes exactly the flags its --help lists', () => {
  for (const command of [['apply'], ['preview'], ['destroy'], ['refresh'], ['outputs'], ['validate'], ['init'], ['schema'], ['doctor'], ['engine', 'install']]) {
    const offered = complete(`openmcf ${command.join(' ')} --`).sort();
    assert.deepEqual(offered, helpFlags(command), `openmcf ${command.join(' ')}`);
  }
  assert.deepEqual(complete('openmcf preview -f manifests/my-api.yaml --det'), ['--detailed-exitcode']);
});

test('bash: paths after the flags that take a file, nothing after the others', () => {
  assert.deepEqual(complete('openmcf apply -f manifests/my-'), ['manifests/my-api.yaml']);
  assert.deepEqual(complete('openmcf validate --file manifests/order'), ['manifests/order-api.yaml']);
  assert.deepEqual(complete('openmcf schema --output READ'), ['README.md']);
  assert.deepEqual(complete('openmcf apply --parallel '), []);
  // A flag's value is not taken for a command: `-f apply` still completes apply's flags.
  assert.ok(complete('openmcf apply -f apply --y').includes('--yes'));
});

test('completion zsh and fish name every command and flag', () => {
  const zsh = runOpenmcf(['completion', 'zsh']);
  const fish = runOpenmcf(['completion', 'fish']);
  assert.equal(zsh.code, 0, zsh.stderr);
  assert.equal(fish.code, 0, fish.stderr);
  assert.match(zsh.stdout, /^#compdef openmcf$/m);
  assert.match(zsh.stdout, /^compdef _openmcf openmcf$/m);
  for (const command of ['apply', 'preview', 'destroy', 'outputs', 'version', 'completion']) {
    assert.match(zsh.stdout, new RegExp(`^_openmcf_${command}\\(\\) \\{$`, 'm'));
    assert.match(fish.stdout, new RegExp(`^complete -c openmcf -n __fish_use_subcommand -a ${command} -d `, 'm'));
  }
  assert.match(zsh.stdout, /'\(-f --file\)'\{-f,--file\}|'\*'\{-f,--file\}'\[manifest file/);
  assert.match(fish.stdout, /-n '__fish_seen_subcommand_from apply' -s f -l file -r -F -d /);
  assert.match(fish.stdout, /-n '__fish_seen_subcommand_from apply' -l sandbox -d /);
  assert.match(fish.stdout, /-n '__fish_seen_subcommand_from engine; and not __fish_seen_subcommand_from install' -a install/);
});

test('a shell that is not supported is invalid input naming the ones that are', () => {
  const result = runOpenmcf(['completion', 'tcsh']);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /Allowed choices are bash, zsh, fish/);
});
