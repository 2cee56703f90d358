import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenmcfError } from '../../src/core/errors.js';
import { SANDBOX_CREDENTIALS, credentialsToEngineEnv, loadCredentials } from '../../src/stack/credentials.js';
import { inputError as isInputError } from '../helpers/input-error.js';

const ACCESS = 'SCWABCDEFGHIJ1234567';
const SECRET = '9f2b4c1e-5d6a-4b7c-8e9f-0a1b2c3d4e5f';
const SECRET_2 = '1a2b3c4d-1111-4222-8333-444455556666';
const PROJECT = '6e7f8a9b-0c1d-4e2f-a3b4-c5d6e7f8a9b0';
const ORG = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'openmcf-creds-'));
}

async function scwConfig(home: string, yaml: string): Promise<string> {
  const dir = join(home, '.config', 'scw');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'config.yaml'), yaml);
  return join(dir, 'config.yaml');
}

/** An input error whose message matches and never contains any of the secrets. */
/** An input error that also never quotes a secret, in its message or its hint. */
function inputError(code: string, pattern: RegExp, secrets: string[] = [SECRET, SECRET_2]) {
  return isInputError(code, pattern, (error) => {
    for (const secret of secrets) {
      assert.equal(error.message.includes(secret), false, 'secret in message');
      assert.equal((error.hint ?? '').includes(secret), false, 'secret in hint');
    }
  });
}

test('environment variables supply the keys and the optional defaults', async () => {
  const home = await tempDir();
  const env = { HOME: home, SCW_ACCESS_KEY: ACCESS, SCW_SECRET_KEY: SECRET, SCW_DEFAULT_PROJECT_ID: PROJECT, SCW_DEFAULT_REGION: 'nl-ams', SCW_DEFAULT_ZONE: 'nl-ams-1' };
  const { secrets, ...creds } = await loadCredentials({ env, sandbox: false });
  assert.deepEqual(creds, {
    source: 'environment',
    origin: 'SCW_ACCESS_KEY / SCW_SECRET_KEY environment variables',
    accessKey: ACCESS,
    secretKey: SECRET,
    projectId: PROJECT,
    region: 'nl-ams',
    zone: 'nl-ams-1',
  });
  assert.deepEqual(credentialsToEngineEnv({ ...creds, secrets }), {
    SCW_ACCESS_KEY: ACCESS,
    SCW_SECRET_KEY: SECRET,
    SCW_DEFAULT_PROJECT_ID: PROJECT,
    SCW_DEFAULT_REGION: 'nl-ams',
    SCW_DEFAULT_ZONE: 'nl-ams-1',
  });
  assert.equal(secrets.mask(`key=${SECRET}`), 'key=[secret]', 'the secret key is returned for the redactor');
});

test('a provider-config file wins over the environment, and must be complete', async () => {
  const dir = await tempDir();
  const file = join(dir, 'scw.yaml');
  await writeFile(file, `accessKey: ${ACCESS}\nsecretKey: ${SECRET_2}\nprojectId: ${PROJECT}\norganizationId: ${ORG}\nregion: pl-waw\nzone: pl-waw-2\n`);
  const env = { HOME: dir, SCW_ACCESS_KEY: 'SCWZZZZZZZZZZZZZZZZZ', SCW_SECRET_KEY: SECRET };
  const creds = await loadCredentials({ providerConfigPath: 'scw.yaml', cwd: dir, env, sandbox: false });
  assert.equal(creds.source, 'provider-config');
  assert.equal(creds.origin, file);
  assert.deepEqual([creds.accessKey, creds.secretKey, creds.projectId, creds.organizationId, creds.region, creds.zone], [ACCESS, SECRET_2, PROJECT, ORG, 'pl-waw', 'pl-waw-2']);

  await writeFile(file, `accessKey: ${ACCESS}\nregion: fr-par\n`);
  await assert.rejects(loadCredentials({ providerConfigPath: file, env, sandbox: false }), inputError('credentials-missing', /Scaleway secret key missing/));
});

test("a provider-config file in the original CLI's documented spelling (snake_case keys) works the same", async () => {
  const dir = await tempDir();
  const file = join(dir, 'scw.yaml');
  await writeFile(file, `access_key: ${ACCESS}\nsecret_key: ${SECRET_2}\nproject_id: ${PROJECT}\norganization_id: ${ORG}\nregion: pl-waw\nzone: pl-waw-2\n`);
  const creds = await loadCredentials({ providerConfigPath: file, env: { HOME: dir }, sandbox: false });
  assert.equal(creds.source, 'provider-config');
  assert.deepEqual([creds.accessKey, creds.secretKey, creds.projectId, creds.organizationId, creds.region, creds.zone], [ACCESS, SECRET_2, PROJECT, ORG, 'pl-waw', 'pl-waw-2']);
  // Mixed spellings are fine as long as each key is given once.
  await writeFile(file, `access_key: ${ACCESS}\nsecretKey: ${SECRET_2}\n`);
  const mixed = await loadCredentials({ providerConfigPath: file, env: { HOME: dir }, sandbox: false });
  assert.equal(mixed.secretKey, SECRET_2);
  await writeFile(file, `access_key: ${ACCESS}\n`);
  await assert.rejects(loadCredentials({ providerConfigPath: file, env: { HOME: dir }, sandbox: false }), inputError('credentials-missing', /Scaleway secret key missing/));
});

test('provider-config problems point at file, line and column without quoting keys', async () => {
  const dir = await tempDir();
  const file = join(dir, 'scw.yaml');
  const env = { HOME: dir };

  await writeFile(file, `accessKey: ${ACCESS}\nsecretKey: not-a-uuid-${SECRET}\n`);
  await assert.rejects(
    loadCredentials({ providerConfigPath: file, env, sandbox: false }),
    inputError('credentials-malformed', new RegExp(`^${file}:2:12 \\(key secretKey\\): the Scaleway secret key is not a UUID`)),
  );

  await writeFile(file, `accessKey: scw-lowercase\nsecretKey: ${SECRET}\n`);
  await assert.rejects(
    loadCredentials({ providerConfigPath: file, env, sandbox: false }),
    inputError('credentials-malformed', /:1:12 \(key accessKey\): the Scaleway access key is not "SCW" followed by 17/, [SECRET, 'scw-lowercase']),
  );

  await writeFile(file, `accessKey: ${ACCESS}\nsecretKey: ${SECRET}\nregion: eu-west-1\n`);
  await assert.rejects(loadCredentials({ providerConfigPath: file, env, sandbox: false }), inputError('credentials-malformed', /"eu-west-1" is not one of fr-par, nl-ams, pl-waw/));

  await writeFile(file, `accessKey: ${ACCESS}\nsecret-key: ${SECRET}\n`);
  await assert.rejects(
    loadCredentials({ providerConfigPath: file, env, sandbox: false }),
    (error: unknown) => inputError('provider-config-unknown-key', /:2:1: unknown key "secret-key"/)(error) && /did you mean "secretKey"/.test((error as OpenmcfError).hint ?? ''),
  );

  await writeFile(file, `accessKey: ${ACCESS}\nsecretKey: ${SECRET}\nsecret_key: ${SECRET_2}\n`);
  await assert.rejects(
    loadCredentials({ providerConfigPath: file, env, sandbox: false }),
    inputError('provider-config-duplicate-key', /:3:1: "secret_key" and "secretKey" are the same key/, [SECRET, SECRET_2]),
  );

  await writeFile(file, `access_key: scw-lowercase\nsecret_key: ${SECRET}\n`);
  await assert.rejects(
    loadCredentials({ providerConfigPath: file, env, sandbox: false }),
    inputError('credentials-malformed', /:1:13 \(key access_key\): the Scaleway access key is not "SCW"/, [SECRET, 'scw-lowercase']),
  );

  await writeFile(file, `accessKey: ${ACCESS}\n  secretKey: "${SECRET}\n`);
  await assert.rejects(loadCredentials({ providerConfigPath: file, env, sandbox: false }), inputError('provider-config-malformed', /is not valid YAML/));

  await writeFile(file, `- ${SECRET}\n`);
  await assert.rejects(loadCredentials({ providerConfigPath: file, env, sandbox: false }), inputError('provider-config-malformed', /must be a mapping/));

  await writeFile(file, `accessKey: ${ACCESS}\nsecretKey: 12345\n`);
  await assert.rejects(loadCredentials({ providerConfigPath: file, env, sandbox: false }), inputError('credentials-malformed', /\(key secretKey\): must be a string/));

  await assert.rejects(loadCredentials({ providerConfigPath: join(dir, 'nope.yaml'), env, sandbox: false }), inputError('provider-config-missing', /nope\.yaml does not exist/));
});

test('malformed environment variables are named', async () => {
  const home = await tempDir();
  await assert.rejects(
    loadCredentials({ env: { HOME: home, SCW_ACCESS_KEY: ACCESS, SCW_SECRET_KEY: `x${SECRET}` }, sandbox: false }),
    inputError('credentials-malformed', /^SCW_SECRET_KEY: the Scaleway secret key is not a UUID/, [`x${SECRET}`]),
  );
  await assert.rejects(
    loadCredentials({ env: { HOME: home, SCW_ACCESS_KEY: ACCESS, SCW_SECRET_KEY: SECRET, SCW_DEFAULT_PROJECT_ID: 'proj-1' }, sandbox: false }),
    inputError('credentials-malformed', /^SCW_DEFAULT_PROJECT_ID: the Scaleway project ID "proj-1" is not a UUID/),
  );
  await assert.rejects(
    loadCredentials({ env: { HOME: home, SCW_ACCESS_KEY: ACCESS, SCW_SECRET_KEY: SECRET, SCW_DEFAULT_ZONE: 'paris' }, sandbox: false }),
    inputError('credentials-malformed', /^SCW_DEFAULT_ZONE: the Scaleway zone "paris" is not a zone such as fr-par-1/),
  );
  await assert.rejects(
    loadCredentials({ env: { HOME: home, SCW_ACCESS_KEY: ACCESS }, sandbox: false }),
    (error: unknown) =>
      inputError('credentials-missing', /Scaleway secret key missing \(the access key comes from SCW_ACCESS_KEY\)/)(error) &&
      /set SCW_SECRET_KEY/.test((error as OpenmcfError).hint ?? ''),
  );
});

test('nothing anywhere: one error listing every way to provide credentials', async () => {
  const home = await tempDir();
  await assert.rejects(
    loadCredentials({ env: { HOME: home }, sandbox: false }),
    (error: unknown) =>
      inputError('credentials-missing', /^no Scaleway credentials found$/)(error) &&
      /SCW_ACCESS_KEY.*-p\/--provider-config.*scw init.*--sandbox/.test((error as OpenmcfError).hint ?? ''),
  );
});

const CONFIG = `access_key: ${ACCESS}
secret_key: ${SECRET}
default_project_id: ${PROJECT}
default_region: fr-par
default_zone: fr-par-1
active_profile: prod
profiles:
  prod:
    secret_key: ${SECRET_2}
    default_region: nl-ams
  broken:
    secret_key: nope
`;

test('the Scaleway CLI profile: active_profile merged over the top-level keys', async () => {
  const home = await tempDir();
  const path = await scwConfig(home, CONFIG);
  const creds = await loadCredentials({ env: { HOME: home }, sandbox: false });
  assert.equal(creds.source, 'scw-profile');
  assert.equal(creds.origin, `Scaleway CLI profile "prod" in ${path}`);
  assert.deepEqual([creds.accessKey, creds.secretKey, creds.projectId, creds.region, creds.zone], [ACCESS, SECRET_2, PROJECT, 'nl-ams', 'fr-par-1']);
});

test('SCW_PROFILE picks the profile; "default" is the top level; environment values beat the profile', async () => {
  const home = await tempDir();
  await scwConfig(home, CONFIG);
  const top = await loadCredentials({ env: { HOME: home, SCW_PROFILE: 'default', SCW_DEFAULT_REGION: 'pl-waw' }, sandbox: false });
  assert.deepEqual([top.secretKey, top.region], [SECRET, 'pl-waw']);
  assert.equal(top.source, 'scw-profile');

  await assert.rejects(
    loadCredentials({ env: { HOME: home, SCW_PROFILE: 'staging' }, sandbox: false }),
    (error: unknown) =>
      inputError('scw-profile-missing', /the Scaleway CLI profile "staging" \(from SCW_PROFILE\) does not exist/)(error) &&
      /profiles in that file: prod, broken/.test((error as OpenmcfError).hint ?? ''),
  );
  await assert.rejects(
    loadCredentials({ env: { HOME: home, SCW_PROFILE: 'broken' }, sandbox: false }),
    inputError('credentials-malformed', /config\.yaml:12:17 \(key secret_key of profile "broken"\): the Scaleway secret key is not a UUID/),
  );
});

test('environment keys beat the profile; the profile still fills what the environment leaves unset', async () => {
  const home = await tempDir();
  await scwConfig(home, CONFIG);
  const creds = await loadCredentials({ env: { HOME: home, SCW_ACCESS_KEY: 'SCWENVENVENVENVENV00', SCW_SECRET_KEY: SECRET }, sandbox: false });
  assert.equal(creds.source, 'environment');
  assert.deepEqual([creds.accessKey, creds.secretKey, creds.projectId, creds.region], ['SCWENVENVENVENVENV00', SECRET, PROJECT, 'nl-ams']);
});

test('SCW_CONFIG_PATH and XDG_CONFIG_HOME locate the config', async () => {
  const dir = await tempDir();
  const custom = join(dir, 'elsewhere.yaml');
  await writeFile(custom, `access_key: ${ACCESS}\nsecret_key: ${SECRET}\n`);
  const viaPath = await loadCredentials({ env: { HOME: dir, SCW_CONFIG_PATH: custom }, sandbox: false });
  assert.equal(viaPath.origin, `Scaleway CLI profile "default" in ${custom}`);

  await mkdir(join(dir, 'xdg', 'scw'), { recursive: true });
  await writeFile(join(dir, 'xdg', 'scw', 'config.yaml'), `access_key: ${ACCESS}\nsecret_key: ${SECRET_2}\n`);
  const viaXdg = await loadCredentials({ env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'xdg') }, sandbox: false });
  assert.equal(viaXdg.secretKey, SECRET_2);
});

test('a malformed Scaleway CLI config is an input error that quotes no secret', async () => {
  const home = await tempDir();
  await scwConfig(home, `access_key: ${ACCESS}\nsecret_key: ${SECRET}\n  bad: [indent\n`);
  await assert.rejects(
    loadCredentials({ env: { HOME: home }, sandbox: false }),
    inputError('scw-config-malformed', /config\.yaml:\d+:\d+: the Scaleway CLI config is not valid YAML/),
  );
});

test('sandbox runs use fixed fake credentials and read nothing', async () => {
  const creds = await loadCredentials({ env: { SCW_ACCESS_KEY: 'garbage' }, providerConfigPath: '/does/not/exist', sandbox: true });
  assert.equal(creds, SANDBOX_CREDENTIALS);
  assert.equal(creds.source, 'sandbox');
  assert.match(creds.accessKey, /^SCW[A-Z0-9]{17}$/);
  assert.equal(credentialsToEngineEnv(creds).SCW_ACCESS_KEY, creds.accessKey);
});
