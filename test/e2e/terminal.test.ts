// The CLI on a real pseudo-terminal (`script` from util-linux): progress from the first moment,
// prompts answered, declined, interrupted (Ctrl-C) and ended (Ctrl-D), production stacks asking for
// their name, and a narrow terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, manifest, REPO_ROOT } from './cloud-run.js';
import { runOnTerminal, type Screen, type TerminalAnswer } from '../helpers/run-openmcf.js';

const home = new CloudHome('openmcf-terminal-');

/** Runs openmcf in this file's home on a terminal `cols` wide, giving each answer once the screen
 * matches its question; with `stdoutFile`, its stdout goes to that file and stderr stays on the terminal. */
function onTerminal(args: string[], answers: TerminalAnswer[] = [], cols = 120, cwd = REPO_ROOT, stdoutFile?: string): Promise<Screen> {
  return runOnTerminal(args, { ...home.options(), answers, cols, cwd, ...(stdoutFile !== undefined ? { stdoutFile } : {}) });
}

function plain(screen: string): string {
  return screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

function stackFile(stack: string): string {
  return join(home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'my-project', `${stack}.json`);
}

test('the first progress line appears at once, long before the engine has answered', async () => {
  const result = await onTerminal(['preview', '-f', manifest('my-api'), '--sandbox']);
  assert.equal(result.code, 0, result.screen);
  const text = plain(result.screen);
  assert.match(text, /reading manifests/);
  assert.match(text, /previewing my-api/);
  assert.ok(text.indexOf('reading manifests') < text.indexOf('Preview of my-api'));
  // Node's start and the CLI's modules, on a busy 2-core machine: well under the engine's seconds.
  assert.ok(result.firstOutputMs < 1_500, `first output after ${result.firstOutputMs} ms`);
});

test('on an existing stack too, a line for each phase comes before the plan, the first one at start-up', async () => {
  // The stack of the report: one that exists (the blank screen was there), applied first.
  const pipeline = manifest('data-pipeline');
  assert.equal(home.run(['apply', '-f', pipeline, '--sandbox', '--yes']).code, 0);
  const result = await onTerminal(['apply', '-f', pipeline, '--sandbox', '--set', 'spec.image.tag=v9'], [[/\[y\/N\] /, 'y\r']]);
  assert.equal(result.code, 0, result.screen);
  const text = plain(result.screen);
  // The first thing on the screen is the live line, before the CLI has even read the manifest.
  assert.match(text.trimStart(), /^\S starting/);
  const order = ['starting', 'reading manifests', 'loading the Pulumi SDK', 'previewing data-pipeline', 'Preview of data-pipeline', 'Apply these changes'];
  const positions = order.map((phase) => text.indexOf(phase));
  for (const [index, phase] of order.entries()) assert.ok(positions[index]! >= 0, `no "${phase}" on the screen:\n${text}`);
  assert.deepEqual(
    [...positions].sort((a, b) => a - b),
    positions,
    `out of order: ${order.join(' < ')}\n${text}`,
  );
  // Each phase line shows its elapsed time.
  assert.match(text, /previewing data-pipeline \d+\.\ds/);
  // The tests below start from an empty cloud.
  assert.equal(home.run(['destroy', '-f', pipeline, '--sandbox', '--yes', '--remove']).code, 0);
});

test('preview > file: the plan goes to the file, the live progress stays on the terminal', async () => {
  const file = join(home.dir, 'plan.txt');
  const result = await onTerminal(['preview', '--sandbox', '-f', 'manifests/my-api.yaml'], [], 120, REPO_ROOT, file);
  assert.equal(result.code, 0, result.screen);
  const plan = readFileSync(file, 'utf8');
  assert.match(plan, /^Preview of my-api \(stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api\)$/m);
  assert.match(plan, /^ {2}2 to create$/m);
  assert.match(plan, /^✓ my-api: 2 to create /m);
  assert.doesNotMatch(plan, /starting|reading manifests|previewing|sandbox: nothing real/, 'no progress or notes in the file');
  assert.ok(!plan.includes('\u001b'), 'no terminal codes in the file');
  const screen = plain(result.screen);
  assert.match(screen, /previewing my-api/);
  assert.match(screen, /sandbox: nothing real was deployed/);
  assert.doesNotMatch(screen, /Preview of my-api/, 'the plan went to the file, not the terminal');
});

test('a declined apply changes nothing, leaves no stack behind, and exits 1', async () => {
  const result = await onTerminal(['apply', '-f', manifest('my-api'), '--sandbox'], [[/\[y\/N\] /, 'n\r']]);
  assert.equal(result.answered, 1, result.screen);
  assert.equal(result.code, 1, result.screen);
  assert.match(plain(result.screen), /apply cancelled: the confirmation was declined; nothing was changed/);
  assert.deepEqual(home.cloud().containers, {});
  assert.equal(existsSync(stackFile('dev.ScalewayServerlessContainer.my-api')), false, 'the stack made for the preview is removed');
});

test('Ctrl-D at the confirmation declines (exit 1), without an internal error', async () => {
  const result = await onTerminal(['apply', '-f', manifest('my-api'), '--sandbox'], [[/\[y\/N\] /, '\u0004']]);
  assert.equal(result.answered, 1, result.screen);
  assert.equal(result.code, 1, result.screen);
  assert.match(plain(result.screen), /apply cancelled/);
  assert.doesNotMatch(result.screen, /internal error/);
  assert.deepEqual(home.cloud().containers, {});
});

test('a production stack: a "y" does not destroy it, its typed name does', async () => {
  const prod = home.file(
    'prod-api.yaml',
    readFileSync(manifest('my-api'), 'utf8')
      .replace('stack.name: dev.', 'stack.name: prod.')
      .replace(/name: my-api$/m, 'name: prod-api'),
  );
  assert.equal(home.run(['apply', '-f', prod, '--sandbox', '--yes']).code, 0);
  const typedName = /Type the stack name prod\.ScalewayServerlessContainer\.my-api to confirm: /;
  const refused = await onTerminal(['destroy', '-f', prod, '--sandbox'], [[typedName, 'y\r']]);
  assert.equal(refused.answered, 1, refused.screen);
  assert.equal(refused.code, 1, refused.screen);
  assert.match(plain(refused.screen), /is a production stack/);
  assert.equal(Object.keys(home.cloud().containers).length, 1, 'nothing was deleted');

  const confirmed = await onTerminal(['destroy', '-f', prod, '--sandbox'], [[typedName, 'prod.ScalewayServerlessContainer.my-api\r']]);
  assert.equal(confirmed.code, 0, confirmed.screen);
  assert.deepEqual(home.cloud().containers, {});
});

test('a replacement in production asks for the stack name; a plain update there asks for a "y"', async () => {
  const prod = home.file(
    'prod-web.yaml',
    readFileSync(manifest('my-api'), 'utf8')
      .replace('stack.name: dev.ScalewayServerlessContainer.my-api', 'stack.name: prod.ScalewayServerlessContainer.web')
      .replace(/name: my-api$/m, 'name: web'),
  );
  assert.equal(home.run(['apply', '-f', prod, '--sandbox', '--yes']).code, 0);
  const update = await onTerminal(['apply', '-f', prod, '--sandbox', '--set', 'spec.port=9000'], [[/\[y\/N\] /, 'y\r']]);
  assert.equal(update.code, 0, update.screen);
  const replace = await onTerminal(
    ['apply', '-f', prod, '--sandbox', '--set', 'spec.region=nl-ams'],
    [[/Type the stack name prod\.ScalewayServerlessContainer\.web to confirm: /, 'no\r']],
  );
  assert.equal(replace.answered, 1, replace.screen);
  assert.equal(replace.code, 1, replace.screen);
  assert.match(plain(replace.screen), /is a production stack and this apply replaces 2 of its resources/);
  assert.equal(Object.values(home.cloud().containers)[0]?.region, 'fr-par');
});

test('init: Ctrl-D ends it (exit 1), Ctrl-C interrupts it (exit 130); neither writes a file', async () => {
  const dir = home.dir;
  const ended = await onTerminal(['init', 'ended.yaml'], [[/Name .*\]: /, '\u0004']], 120, dir);
  assert.equal(ended.code, 1, ended.screen);
  assert.match(plain(ended.screen), /init cancelled: no answer \(end of input\); nothing was written/);
  const interrupted = await onTerminal(
    ['init', 'interrupted.yaml'],
    [
      [/Name .*\]: /, 'shop\r'],
      [/Region .*\]: /, '\u0003'],
    ],
    120,
    dir,
  );
  assert.equal(interrupted.code, 130, interrupted.screen);
  assert.match(plain(interrupted.screen), /interrupted at the prompt; nothing was written/);
  for (const result of [ended, interrupted]) assert.doesNotMatch(result.screen, /internal error/);
  assert.equal(existsSync(join(dir, 'ended.yaml')), false);
  assert.equal(existsSync(join(dir, 'interrupted.yaml')), false);
});

test('on a narrow terminal the live line is cut to its width and the footer breaks between words', async () => {
  const cols = 50;
  const result = await onTerminal(['apply', '-f', manifest('order-api'), '--sandbox', '--yes'], [], cols);
  assert.equal(result.code, 0, result.screen);
  // Every frame of the live line (each redraw starts at column 1) fits.
  const frames = result.screen.split(/\u001b\[1G/).map((f) => plain(f).split(/\r?\n/)[0] ?? '');
  const live = frames.filter((f) => /previewing|updating|creating|reading/.test(f));
  assert.ok(live.length > 0, result.screen);
  for (const frame of live) assert.ok([...frame].length <= cols, `${[...frame].length} columns: ${frame}`);
  const footer = plain(result.screen)
    .split(/\r?\n/)
    .filter((l) => /sandbox: nothing real|simulated Scaleway|\/sandbox\/cloud/.test(l));
  assert.ok(footer.length >= 2, footer.join('\n'));
  for (const line of footer) assert.ok(line.length <= cols, `${line.length}: ${line}`);
});
