// `openmcf doctor` through the real binary: exit 0 only when an apply could run, and every missing
// piece named with what to do about it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cachedPluginPath } from '../../src/engine/provider-plugin.js';
import { PULUMI_ENGINE_VERSION, SCALEWAY_PLUGIN_VERSION } from '../../src/core/version.js';
import { engineBinary, pluginBinary, tempHome } from '../helpers/engine.js';
import { inHome, runOpenmcf } from '../helpers/run-openmcf.js';

const CREDENTIALS = {
  SCW_ACCESS_KEY: 'SCWABCDEFGHIJKLMNOPQ',
  SCW_SECRET_KEY: '11111111-2222-4333-8444-555555555555',
  SCW_DEFAULT_PROJECT_ID: '66666666-7777-4888-8999-000000000000',
};

/** PATH with node and the basics only: no pulumi, no scaleway plugin, no Go. */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BARE_PATH = `${dirname(process.execPath)}:/usr/bin:/bin`;

interface Report {
  apiVersion: string;
  ok: boolean;
  sandbox: boolean;
  checks: { name: string; ok: boolean; summary: string; fix?: string }[];
}

function check(report: Report, name: string) {
  const found = report.checks.find((c) => c.name === name);
  assert.ok(found, `check ${name} is reported`);
  return found;
}

test('doctor --sandbox on a machine with the engine: all fine, exit 0', (t) => {
  const home = tempHome(t);
  const result = runOpenmcf(['doctor', '--sandbox'], inHome(home, { PATH: BARE_PATH }));
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, new RegExp(`ok   engine +pulumi v${PULUMI_ENGINE_VERSION.replace(/\./g, '\\.')} at ${engineBinary().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  // The real provider in the sandbox too: only the API behind it is simulated.
  assert.match(result.stderr, new RegExp(`ok   plugin +scaleway v${escape(SCALEWAY_PLUGIN_VERSION)} at ${escape(pluginBinary())} \\(from OPENMCF_SCALEWAY_PLUGIN\\)`));
  assert.match(result.stderr, /ok   backend +file:\/\/.*\/sandbox\/state/);
  assert.match(result.stderr, /ok   credentials +sandbox/);
  assert.match(result.stderr, /openmcf is ready to apply in the sandbox/);
  assert.equal(result.stdout, '', 'human text goes to stderr only');
});

test('doctor --json: one document on stdout, a failing engine check without the engine, exit 1', (t) => {
  const home = tempHome(t);
  const result = runOpenmcf(['doctor', '--sandbox', '--json'], inHome(home, { PATH: BARE_PATH, OPENMCF_PULUMI_CLI: '' }));
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout) as Report;
  assert.equal(report.apiVersion, 'openmcf.org/doctor/v1');
  assert.equal(report.ok, false);
  assert.equal(report.sandbox, true);
  const engine = check(report, 'engine');
  assert.equal(engine.ok, false);
  assert.match(engine.summary, /the Pulumi CLI v[\d.]+ is not installed/);
  assert.match(engine.fix ?? '', /openmcf engine install/);
  assert.equal(check(report, 'plugin').ok, true);
});

test('doctor for real deployments: missing credentials and plugin are failures with their fixes', (t) => {
  const home = tempHome(t);
  const result = runOpenmcf(['doctor', '--json'], inHome(home, { PATH: BARE_PATH, HOME: home.home, OPENMCF_SCALEWAY_PLUGIN: '' }));
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout) as Report;
  assert.equal(check(report, 'engine').ok, true);
  const plugin = check(report, 'plugin');
  assert.equal(plugin.ok, false);
  assert.match(plugin.summary, new RegExp(`the scaleway plugin v${SCALEWAY_PLUGIN_VERSION.replace(/\./g, '\\.')} is not installed`));
  assert.match(plugin.summary, /looked at OPENMCF_SCALEWAY_PLUGIN, .*resource-scaleway-v[\d.]+\/pulumi-resource-scaleway and .*\/provider\/scaleway-v/);
  assert.match(plugin.fix ?? '', /openmcf engine install/);
  const credentials = check(report, 'credentials');
  assert.equal(credentials.ok, false);
  assert.match(credentials.summary, /no Scaleway credentials found/);
  assert.match(credentials.fix ?? '', /SCW_ACCESS_KEY/);
});

test('doctor for real deployments passes with credentials and an installed plugin, and never prints the secret key', (t) => {
  const home = tempHome(t);
  const pluginDir = join(home.pulumiHome, 'plugins', `resource-scaleway-v${SCALEWAY_PLUGIN_VERSION}`);
  mkdirSync(pluginDir, { recursive: true });
  writeFileSync(join(pluginDir, 'pulumi-resource-scaleway'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(pluginDir, 'pulumi-resource-scaleway'), 0o755);
  // CI unset: under CI the default local state folder is a failure of its own (doctor-backend.test.ts).
  const result = runOpenmcf(['doctor'], inHome(home, { PATH: BARE_PATH, HOME: home.home, OPENMCF_SCALEWAY_PLUGIN: '', CI: '', ...CREDENTIALS }));
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /ok   credentials +SCW_ACCESS_KEY \/ SCW_SECRET_KEY environment variables, project 66666666/);
  assert.match(result.stderr, /ok   plugin +scaleway v[\d.]+ at .*resource-scaleway-v[\d.]+\/pulumi-resource-scaleway \(installed for the engine\)/);
  assert.match(result.stderr, /ok   backend +file:\/\/.*\/state .*; answers \(0 stacks\)/);
  assert.ok(!result.stderr.includes(CREDENTIALS.SCW_SECRET_KEY));
  assert.match(result.stderr, /openmcf is ready to apply\./);
});

test('doctor names the plugin openmcf built into its cache', (t) => {
  const home = tempHome(t);
  const cached = cachedPluginPath(home.home);
  mkdirSync(dirname(cached), { recursive: true });
  writeFileSync(cached, '#!/bin/sh\nexit 0\n');
  chmodSync(cached, 0o755);
  const result = runOpenmcf(['doctor', '--json'], inHome(home, { PATH: BARE_PATH, HOME: home.home, OPENMCF_SCALEWAY_PLUGIN: '', ...CREDENTIALS }));
  const plugin = check(JSON.parse(result.stdout) as Report, 'plugin');
  assert.equal(plugin.ok, true);
  assert.equal(plugin.summary, `scaleway v${SCALEWAY_PLUGIN_VERSION} at ${cached} (openmcf's build, from its cache)`);
});
