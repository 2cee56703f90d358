// The example pipeline in docs/ must keep working as the CLI changes: it is valid YAML, and every
// openmcf command it runs exists and takes the flags it is given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, runOpenmcf } from '../helpers/run-openmcf.js';

interface Workflow {
  jobs: Record<string, { if?: string; steps: { run?: string }[] }>;
}

const workflow = parse(readFileSync(join(REPO_ROOT, 'docs', 'ci-example.yml'), 'utf8')) as Workflow;

function openmcfCommands(): string[][] {
  const commands: string[][] = [];
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps) {
      for (const line of (step.run ?? '').split('\n')) {
        const match = /(?:^|\s)openmcf\s+(.*)$/.exec(line.trim());
        if (match?.[1]) commands.push(match[1].split(/\s+/));
      }
    }
  }
  return commands;
}

test('the example pipeline saves a plan on pull requests, applies that plan on main and checks for drift nightly', () => {
  assert.match(workflow.jobs.preview?.if ?? '', /pull_request/);
  assert.match(workflow.jobs.apply?.if ?? '', /refs\/heads\/main/);
  assert.match(workflow.jobs.drift?.if ?? '', /schedule/);
  const commands = openmcfCommands().map((c) => c.join(' '));
  assert.ok(commands.some((c) => c.startsWith('validate ')));
  assert.ok(commands.some((c) => c.startsWith('preview ') && c.includes('--detailed-exitcode') && c.includes('--save-plan plan.json')));
  assert.ok(commands.some((c) => c.startsWith('apply --plan plan.json')));
  // One tag per service, from tags.env: no --set that would retag every manifest of the folder.
  assert.ok(!commands.some((c) => c.includes('--set spec.image.tag')));
  assert.ok(commands.some((c) => c.startsWith('refresh ') && c.includes('--detailed-exitcode')));
  assert.ok(commands.some((c) => c.startsWith('status ') && c.includes('--probe')));
});

test('every openmcf command in the example pipeline exists and accepts its flags', () => {
  for (const [verb, ...args] of openmcfCommands()) {
    assert.ok(verb);
    const help = runOpenmcf([verb, '--help']);
    assert.equal(help.code, 0, `openmcf ${verb} --help failed: ${help.stderr}`);
    for (const flag of args.filter((a) => a.startsWith('-'))) {
      assert.ok(help.stdout.includes(flag.split('=')[0] as string), `openmcf ${verb} has no ${flag}`);
    }
  }
});
