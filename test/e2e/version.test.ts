import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runOpenmcf } from '../helpers/run-openmcf.js';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

test('--version prints the CLI version and the engine and plugin versions it pins', () => {
  const { code, stdout } = runOpenmcf(['--version']);
  assert.equal(code, 0);
  const lines = stdout.trim().split('\n');
  assert.equal(lines[0], `openmcf ${pkg.version}`);
  assert.match(stdout, /^pulumi engine v\d+\.\d+\.\d+ \(pinned\)$/m);
  // The plugin version is the @pulumiverse/scaleway SDK the package installs.
  assert.match(stdout, new RegExp(`^scaleway plugin v${pkg.dependencies['@pulumiverse/scaleway']?.replace(/\./g, '\\.')} `, 'm'));
  assert.equal(runOpenmcf(['-V']).stdout, stdout);
});

test('the engine version printed is the one the engine wrapper module builds', () => {
  const { stdout } = runOpenmcf(['--version']);
  const goMod = readFileSync(join(REPO_ROOT, 'engine', 'go.mod'), 'utf8');
  const pinned = /pulumi engine v(\S+)/.exec(stdout)?.[1];
  assert.ok(pinned);
  assert.match(goMod, new RegExp(`github.com/pulumi/pulumi/pkg/v3 v${pinned.replace(/\./g, '\\.')}\\b`));
});

test('the SDK and Node versions are printed too, the SDK as package.json pins it', () => {
  const { stdout } = runOpenmcf(['--version']);
  assert.match(stdout, new RegExp(`^pulumi sdk v${pkg.dependencies['@pulumi/pulumi']?.replace(/\./g, '\\.')} `, 'm'));
  assert.match(stdout, new RegExp(`^node ${process.version.replace(/\./g, '\\.')}$`, 'm'));
});

/** The subcommands a help text lists under "Commands:" (without `help`). */
function listedCommands(help: string): string[] {
  const at = help.indexOf('Commands:');
  if (at < 0) return [];
  return [...help.slice(at).matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1] as string).filter((name) => name !== 'help');
}

test("every command's --help, subcommands included, shows at least one example", () => {
  const pending = listedCommands(runOpenmcf(['--help']).stdout).map((name) => [name]);
  assert.ok(pending.length >= 10, `commands found: ${pending.join(', ')}`);
  for (let command = pending.shift(); command; command = pending.shift()) {
    const help = runOpenmcf([...command, '--help']);
    assert.equal(help.code, 0, command.join(' '));
    assert.match(help.stdout, new RegExp(`^\\s+\\$ (\\S+=\\S+ )*openmcf ${command.join(' ')}\\b`, 'm'), `openmcf ${command.join(' ')} --help has no example`);
    pending.push(...listedCommands(help.stdout).map((name) => [...command, name]));
  }
});

test('openmcf version prints what --version prints', () => {
  const command = runOpenmcf(['version']);
  assert.equal(command.code, 0, command.stderr);
  assert.equal(command.stdout, runOpenmcf(['--version']).stdout);
});
