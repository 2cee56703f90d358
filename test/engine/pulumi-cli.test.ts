// The engine resolver's search order: setting, PATH (recent enough), cache, then install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenmcfError } from '../../src/core/errors.js';
import { cachedEngineRoot, pulumiCommandFor, resolvePulumiCli } from '../../src/engine/pulumi-cli.js';
import { compareVersions, parseEngineVersion } from '../../src/engine/cli-version.js';
import { PULUMI_ENGINE_VERSION } from '../../src/core/version.js';
import { tempHome } from '../helpers/engine.js';
import { REPO_ROOT } from '../helpers/run-openmcf.js';
import { fakePulumi, runsOf } from './fake-tools.js';

const SYSTEM_PATH = '/usr/bin:/bin';

function envFor(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { HOME: home, OPENMCF_HOME: home, PATH: SYSTEM_PATH, ...extra };
}

async function rejected(run: Promise<unknown>): Promise<OpenmcfError> {
  try {
    await run;
  } catch (error) {
    assert.ok(error instanceof OpenmcfError, `expected an OpenmcfError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the resolver to fail');
}

test('engine/go.mod pins the engine version src/core/version.ts declares', () => {
  const goMod = readFileSync(join(REPO_ROOT, 'engine', 'go.mod'), 'utf8');
  assert.match(goMod, new RegExp(`github\\.com/pulumi/pulumi/pkg/v3 v${PULUMI_ENGINE_VERSION.replace(/\./g, '\\.')}\\b`));
});

test('versions are parsed and compared numerically', () => {
  assert.equal(parseEngineVersion('v3.274.1\n'), '3.274.1');
  assert.equal(parseEngineVersion('v3.275.0-dev.0'), '3.275.0-dev.0');
  assert.equal(parseEngineVersion('not a version'), undefined);
  assert.ok(compareVersions('3.181.0', '3.99.9') > 0);
  assert.equal(compareVersions('3.274.1', '3.274.1-dev'), 0);
});

test('the cached engine is found by its path alone, without running it', async (t) => {
  const { home } = tempHome(t);
  const bin = join(cachedEngineRoot(home), 'bin');
  fakePulumi(bin, PULUMI_ENGINE_VERSION);
  const found = await resolvePulumiCli({ env: envFor(home), install: false });
  assert.deepEqual(found, { path: join(bin, 'pulumi'), root: cachedEngineRoot(home), version: PULUMI_ENGINE_VERSION, source: 'cache' });
  assert.equal(runsOf(bin), 0, 'no `pulumi version` on the hot path');
});

test('OPENMCF_PULUMI_CLI wins over PATH and cache; its version is probed once and remembered', async (t) => {
  const { home } = tempHome(t);
  fakePulumi(join(cachedEngineRoot(home), 'bin'), PULUMI_ENGINE_VERSION);
  const onPath = fakePulumi(join(home, 'on-path'), '3.250.0');
  const setting = fakePulumi(join(home, 'custom'), '3.260.0');
  const env = envFor(home, { PATH: `${join(home, 'on-path')}:${SYSTEM_PATH}`, OPENMCF_PULUMI_CLI: setting });

  const first = await resolvePulumiCli({ env, install: false });
  const second = await resolvePulumiCli({ env, install: false });
  assert.deepEqual(first, { path: setting, version: '3.260.0', source: 'setting' });
  assert.deepEqual(second, first);
  assert.equal(runsOf(join(home, 'custom')), 1, 'the version probe is cached');
  assert.equal(runsOf(join(home, 'on-path')), 0);

  const flag = await resolvePulumiCli({ env, explicitPath: onPath, install: false });
  assert.equal(flag.source, 'setting', 'an explicit path (a flag) beats the variable');
  assert.equal(flag.path, onPath);
});

test('a setting that is not an executable is an input error naming it', async (t) => {
  const { home } = tempHome(t);
  const error = await rejected(resolvePulumiCli({ env: envFor(home, { OPENMCF_PULUMI_CLI: join(home, 'nope') }), install: false }));
  assert.equal(error.exitCode, 3);
  assert.match(error.message, /OPENMCF_PULUMI_CLI.*not an executable file: .*nope/);
});

test('pulumi on PATH is used when recent enough, skipped (with a note) when too old', async (t) => {
  const { home } = tempHome(t);
  fakePulumi(join(home, 'new'), '3.200.0');
  fakePulumi(join(home, 'old'), '3.100.0');
  fakePulumi(join(cachedEngineRoot(home), 'bin'), PULUMI_ENGINE_VERSION);

  const recent = await resolvePulumiCli({ env: envFor(home, { PATH: `${join(home, 'new')}:${SYSTEM_PATH}` }), install: false });
  assert.equal(recent.source, 'path');
  assert.equal(recent.version, '3.200.0');

  const notes: string[] = [];
  const fallback = await resolvePulumiCli({ env: envFor(home, { PATH: `${join(home, 'old')}:${SYSTEM_PATH}` }), install: false, onProgress: (line) => notes.push(line) });
  assert.equal(fallback.source, 'cache');
  assert.match(notes.join('\n'), /ignoring pulumi v3\.100\.0 at .*old\/pulumi: openmcf needs v3\.181\.0 or later/);
});

test('nothing found and install disabled: exit 1 with the command that fixes it', async (t) => {
  const { home } = tempHome(t);
  const error = await rejected(resolvePulumiCli({ env: envFor(home), install: false }));
  assert.equal(error.exitCode, 1);
  assert.equal(error.code, 'engine-missing');
  assert.match(error.hint ?? '', /openmcf engine install/);
});

test('pulumiCommandFor hands the Automation API the resolved binary and version', async (t) => {
  const { home } = tempHome(t);
  const path = fakePulumi(join(home, 'custom'), '3.260.0');
  const command = await pulumiCommandFor({ path, version: '3.260.0', source: 'setting' });
  assert.equal(command.command, path);
  assert.equal(command.version?.toString(), '3.260.0');
  assert.equal(runsOf(join(home, 'custom')), 0);
});
