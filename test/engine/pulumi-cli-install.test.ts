// The install paths of the resolver: a build from Go modules through engine/build.sh (with a fake
// `go`, so it takes milliseconds), the warm rerun that does nothing, and the clear failure when
// neither a download nor Go is available.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { OpenmcfError } from '../../src/core/errors.js';
import { cachedEngineRoot, resolvePulumiCli } from '../../src/engine/pulumi-cli.js';
import { PULUMI_ENGINE_VERSION } from '../../src/core/version.js';
import { tempHome } from '../helpers/engine.js';
import { REPO_ROOT } from '../helpers/run-openmcf.js';
import { fakeGo, goCalls } from './fake-tools.js';

const SYSTEM_PATH = '/usr/bin:/bin';

test('no engine and no download: the pinned version is built with Go into the cache, saying so', async (t) => {
  const { home } = tempHome(t);
  const goDir = join(home, 'go-bin');
  fakeGo(goDir, PULUMI_ENGINE_VERSION);
  const env = { HOME: home, OPENMCF_HOME: home, PATH: `${goDir}:${SYSTEM_PATH}`, OPENMCF_ENGINE_DOWNLOAD: '0' };
  const progress: string[] = [];

  const built = await resolvePulumiCli({ env, onProgress: (line) => progress.push(line) });
  assert.deepEqual(built, { path: join(cachedEngineRoot(home), 'bin', 'pulumi'), root: cachedEngineRoot(home), version: PULUMI_ENGINE_VERSION, source: 'built' });
  const text = progress.join('\n');
  assert.match(text, /pulumi CLI not found/);
  assert.match(text, /building pulumi v[\d.]+ from Go modules instead \(minutes when cold/);
  assert.match(text, /\[2\/3\] compiling github\.com\/pulumi\/pulumi\/pkg\/v3\/cmd\/pulumi/);
  const build = goCalls(goDir).find((call) => call.startsWith('build'));
  assert.match(build ?? '', new RegExp(`-X github\\.com/pulumi/pulumi/sdk/v3/go/common/version\\.Version=v${PULUMI_ENGINE_VERSION.replace(/\./g, '\\.')}`));
  assert.match(build ?? '', /-trimpath/);

  // Warm: found in the cache, Go not called again.
  const callsBefore = goCalls(goDir).length;
  const again = await resolvePulumiCli({ env });
  assert.equal(again.source, 'cache');
  assert.equal(goCalls(goDir).length, callsBefore);
});

test('engine/build.sh does nothing when the binary is already built', (t) => {
  const { home } = tempHome(t);
  const goDir = join(home, 'go-bin');
  fakeGo(goDir, PULUMI_ENGINE_VERSION);
  const env = { HOME: home, OPENMCF_HOME: home, PATH: `${goDir}:${SYSTEM_PATH}` };
  const script = join(REPO_ROOT, 'engine', 'build.sh');
  assert.equal(spawnSync('sh', [script], { env }).status, 0);
  const second = spawnSync('sh', [script], { env, encoding: 'utf8' });
  assert.equal(second.status, 0);
  assert.match(second.stdout, /already built at .*engine\/v[\d.]+\/bin\/pulumi \(nothing to do\)/);
  assert.equal(goCalls(goDir).filter((call) => call.startsWith('build')).length, 1);
});

test('no engine, no download and no Go: exit 1 saying how to get one', async (t) => {
  const { home } = tempHome(t);
  const env = { HOME: home, OPENMCF_HOME: home, PATH: SYSTEM_PATH, OPENMCF_ENGINE_DOWNLOAD: '0' };
  await assert.rejects(resolvePulumiCli({ env }), (error: unknown) => {
    assert.ok(error instanceof OpenmcfError);
    assert.equal(error.exitCode, 1);
    assert.equal(error.code, 'engine-unavailable');
    assert.match(error.message, /Go is not installed/);
    assert.match(error.hint ?? '', /OPENMCF_PULUMI_CLI/);
    return true;
  });
});
