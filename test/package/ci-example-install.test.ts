// The example pipeline installs openmcf from a tarball packed from this repository (it is not on
// the npm registry yet). Do what its comments say, run its install line as written (into a private
// global prefix), and check that the installed CLI works on the bundled manifests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/run-openmcf.js';

interface Workflow {
  jobs: Record<string, { steps: { run?: string }[] }>;
}

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

test('the example pipeline installs openmcf from the tarball npm pack writes, and that install works', (t) => {
  const workflow = parse(readFileSync(join(REPO_ROOT, 'docs', 'ci-example.yml'), 'utf8')) as Workflow;
  const installs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.run ?? '').filter((run) => /npm install/.test(run)));
  assert.ok(installs.length >= 2, 'both jobs install openmcf');
  const tarball = `openmcf-${pkg.version}.tgz`;
  for (const install of installs) assert.equal(install.trim(), `npm install --global ./tools/${tarball}`);

  const repo = mkdtempSync(join(tmpdir(), 'openmcf-ci-install-'));
  t.after(() => rmSync(repo, { recursive: true, force: true }));
  mkdirSync(join(repo, 'tools'));
  const pack = spawnSync('npm', ['pack', REPO_ROOT, '--ignore-scripts', '--pack-destination', join(repo, 'tools')], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
  assert.equal(pack.status, 0, pack.stderr);
  assert.equal(pack.stdout.trim().split('\n').pop(), tarball, 'npm pack writes the file name the pipeline installs');

  const prefix = join(repo, 'global');
  const env = { ...process.env, npm_config_prefix: prefix, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  const install = spawnSync('sh', ['-c', installs[0]!], { cwd: repo, env, encoding: 'utf8', timeout: 300_000 });
  assert.equal(install.status, 0, install.stderr);

  const openmcf = join(prefix, 'bin', 'openmcf');
  const version = spawnSync(openmcf, ['--version'], { cwd: repo, encoding: 'utf8' });
  assert.equal(version.status, 0, version.stderr);
  assert.match(version.stdout, new RegExp(`^openmcf ${pkg.version.replace(/\./g, '\\.')}$`, 'm'));
  const validate = spawnSync(openmcf, ['validate', '-f', join(REPO_ROOT, 'manifests')], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(validate.status, 0, validate.stderr);
  assert.match(validate.stderr + validate.stdout, /4 manifests valid/);
});
