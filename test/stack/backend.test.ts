import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenmcfError } from '../../src/core/errors.js';
import { backendKindOf, chooseBackend } from '../../src/stack/backend.js';
import { inputError } from '../helpers/input-error.js';

async function sandboxDirs(): Promise<{ home: string; openmcfHome: string; state: string }> {
  const root = await mkdtemp(join(tmpdir(), 'openmcf-backend-'));
  const home = join(root, 'home');
  const state = join(root, 'state');
  await mkdir(home, { recursive: true });
  await mkdir(state, { recursive: true });
  return { home, openmcfHome: join(root, 'openmcf'), state };
}

async function loginFile(home: string, content: unknown): Promise<void> {
  await mkdir(join(home, '.pulumi'), { recursive: true });
  await writeFile(join(home, '.pulumi', 'credentials.json'), typeof content === 'string' ? content : JSON.stringify(content));
}

test('precedence: --backend, then PULUMI_BACKEND_URL, then the pulumi login, then the default folder', async () => {
  const { home, openmcfHome, state } = await sandboxDirs();
  await loginFile(home, { current: 'https://api.pulumi.com', accessTokens: { 'https://api.pulumi.com': 'pul-x' } });
  const env = { HOME: home, PULUMI_BACKEND_URL: 's3://team-state' };

  const flag = await chooseBackend({ flag: `file://${state}`, env, openmcfHome });
  assert.deepEqual([flag.url, flag.kind, flag.source], [`file://${state}`, 'file', 'flag']);

  const fromEnv = await chooseBackend({ env, openmcfHome });
  assert.deepEqual([fromEnv.url, fromEnv.kind, fromEnv.source], ['s3://team-state', 'self-managed', 'env']);

  const login = await chooseBackend({ env: { HOME: home }, openmcfHome });
  assert.deepEqual([login.url, login.kind, login.source], ['https://api.pulumi.com', 'cloud', 'login']);
  assert.equal(login.origin, join(home, '.pulumi', 'credentials.json'));

  const fallback = await chooseBackend({ env: { HOME: join(home, 'nobody') }, openmcfHome });
  assert.deepEqual([fallback.url, fallback.kind, fallback.source], [`file://${join(openmcfHome, 'state')}`, 'file', 'default']);
  assert.ok((await stat(join(openmcfHome, 'state'))).isDirectory(), 'the default state folder is created');
});

test('PULUMI_HOME and PULUMI_CREDENTIALS_PATH locate the login file; a login without current is no login', async () => {
  const { home, openmcfHome } = await sandboxDirs();
  const custom = join(home, 'custom-pulumi');
  await mkdir(custom, { recursive: true });
  await writeFile(join(custom, 'credentials.json'), JSON.stringify({ current: 'file://~' }));
  const viaHome = await chooseBackend({ env: { HOME: home, PULUMI_HOME: custom }, openmcfHome });
  assert.deepEqual([viaHome.url, viaHome.source], ['file://~', 'login']);
  const viaCreds = await chooseBackend({ env: { HOME: home, PULUMI_CREDENTIALS_PATH: custom }, openmcfHome });
  assert.equal(viaCreds.source, 'login');

  await loginFile(home, { accessTokens: {} });
  const none = await chooseBackend({ env: { HOME: home }, openmcfHome });
  assert.equal(none.source, 'default');
});

test('a Pulumi access token without a login means Pulumi Cloud', async () => {
  const { home, openmcfHome } = await sandboxDirs();
  const choice = await chooseBackend({ env: { HOME: home, PULUMI_ACCESS_TOKEN: 'pul-abc' }, openmcfHome });
  assert.deepEqual([choice.url, choice.kind, choice.source, choice.origin], ['https://api.pulumi.com', 'cloud', 'env', 'PULUMI_ACCESS_TOKEN']);
});

test('sandbox uses its own backend, never PULUMI_BACKEND_URL or the login; --backend names another one', async () => {
  const { home, openmcfHome, state } = await sandboxDirs();
  await loginFile(home, { current: 'https://api.pulumi.com' });
  const sandboxBackendUrl = `file://${join(openmcfHome, 'sandbox', 'state')}`;
  const env = { HOME: home, PULUMI_BACKEND_URL: 's3://real-state', PULUMI_ACCESS_TOKEN: 'pul-x' };
  const choice = await chooseBackend({ env, openmcfHome, sandboxBackendUrl });
  assert.deepEqual([choice.url, choice.kind, choice.source], [sandboxBackendUrl, 'file', 'sandbox']);
  assert.ok((await stat(join(openmcfHome, 'sandbox', 'state'))).isDirectory());

  const shared = await chooseBackend({ flag: 'postgres://u:pw-123456@127.0.0.1:5432/state?sslmode=disable', env, openmcfHome, sandboxBackendUrl });
  assert.deepEqual([shared.url, shared.kind, shared.source], ['postgres://u@127.0.0.1:5432/state?sslmode=disable', 'self-managed', 'flag']);
  assert.deepEqual(shared.engineEnv, { PGPASSWORD: 'pw-123456' });
  const folder = await chooseBackend({ flag: `file://${state}`, env, openmcfHome, sandboxBackendUrl });
  assert.deepEqual([folder.url, folder.source], [`file://${state}`, 'flag']);
});

test('S3 URLs need a bucket; the AWS and PostgreSQL credentials of the environment are masked', async () => {
  const { home, openmcfHome } = await sandboxDirs();
  await assert.rejects(
    chooseBackend({ flag: 's3://?endpoint=s3.fr-par.scw.cloud&region=fr-par', env: { HOME: home }, openmcfHome }),
    inputError('backend-url-invalid', /^--backend: "s3:\/\/\?endpoint=s3\.fr-par\.scw\.cloud&region=fr-par" names no bucket/),
  );
  const env = { HOME: home, AWS_ACCESS_KEY_ID: 'SCWABCDEFGHIJKLMNOPQ', AWS_SECRET_ACCESS_KEY: 'aws-secret-value-1', PGPASSWORD: 'pg-secret-value-2' };
  const choice = await chooseBackend({ flag: 's3://team-state?endpoint=s3.fr-par.scw.cloud&region=fr-par', env, openmcfHome });
  assert.equal(choice.kind, 'self-managed');
  assert.equal(choice.secrets.mask('key SCWABCDEFGHIJKLMNOPQ secret aws-secret-value-1 pg pg-secret-value-2'), 'key [secret] secret [secret] pg [secret]');
});

test('relative file paths are made absolute against the working directory', async () => {
  const { home, openmcfHome, state } = await sandboxDirs();
  const choice = await chooseBackend({ flag: 'file://state', env: { HOME: home }, openmcfHome, cwd: join(state, '..') });
  assert.equal(choice.url, `file://${state}`);
  const withQuery = await chooseBackend({ env: { HOME: home, PULUMI_BACKEND_URL: `file://${state}?no_tmp_dir=false` }, openmcfHome });
  assert.equal(withQuery.url, `file://${state}?no_tmp_dir=false`);
});

test('bad backends are input errors naming their source', async () => {
  const { home, openmcfHome } = await sandboxDirs();
  await assert.rejects(
    chooseBackend({ flag: 'ftp://x', env: { HOME: home }, openmcfHome }),
    inputError('backend-url-invalid', /^--backend: "ftp:\/\/x" is not a Pulumi backend URL/),
  );
  await assert.rejects(chooseBackend({ env: { HOME: home, PULUMI_BACKEND_URL: '/just/a/path' }, openmcfHome }), inputError('backend-url-invalid', /^PULUMI_BACKEND_URL:/));
  await assert.rejects(
    chooseBackend({ flag: 'file:///does/not/exist/anywhere', env: { HOME: home }, openmcfHome }),
    inputError('backend-folder-missing', /--backend: the state folder \/does\/not\/exist\/anywhere does not exist/),
  );
  await loginFile(home, '{not json');
  await assert.rejects(chooseBackend({ env: { HOME: home }, openmcfHome }), inputError('pulumi-login-malformed', /credentials\.json is not valid JSON/));
});

test('a password in a backend URL never reaches messages or output', async () => {
  const { home, openmcfHome } = await sandboxDirs();
  const choice = await chooseBackend({ flag: 'postgres://pulumi:s3cr3t-pw@db.internal:5432/state', env: { HOME: home }, openmcfHome });
  assert.equal(choice.kind, 'self-managed');
  assert.equal(choice.url.includes('s3cr3t-pw'), false);
  assert.equal(choice.secrets.mask('engine said s3cr3t-pw'), 'engine said [secret]', 'the password is returned for the redactor');
  await assert.rejects(
    chooseBackend({ flag: 'mysql://pulumi:an0ther-pw@db/x', env: { HOME: home }, openmcfHome }),
    (error: unknown) => error instanceof OpenmcfError && !error.message.includes('an0ther-pw'),
  );
  // An error that quotes the URL is masked where it is thrown, before any run knows the password.
  await assert.rejects(
    chooseBackend({ flag: 's3://?password=qu3ry-pw-1234&region=fr-par', env: { HOME: home }, openmcfHome }),
    inputError('backend-url-invalid', /^--backend: "s3:\/\/\?password=\[secret\]&region=fr-par" names no bucket/),
  );
});

test('a PostgreSQL password leaves the URL for PGPASSWORD; other backends refuse one; placeholders are refused (issue 17)', async () => {
  const { home, openmcfHome } = await sandboxDirs();
  const env = { HOME: home };
  const pg = await chooseBackend({ flag: 'postgres://pulumi:p%40ss%3Aw0rd@db.internal:5432/state?sslmode=require&table=t', env, openmcfHome });
  assert.equal(pg.url, 'postgres://pulumi@db.internal:5432/state?sslmode=require&table=t', 'the URL the engine writes to disk has no password');
  assert.deepEqual(pg.engineEnv, { PGPASSWORD: 'p@ss:w0rd' }, 'decoded, as libpq reads it');
  const query = await chooseBackend({ flag: 'postgres://pulumi@db.internal/state?password=q-pw-123&sslmode=require', env, openmcfHome });
  assert.deepEqual([query.url, query.engineEnv], ['postgres://pulumi@db.internal/state?sslmode=require', { PGPASSWORD: 'q-pw-123' }]);
  const last = await chooseBackend({ flag: 'postgres://pulumi@db.internal/state?sslmode=require&password=q-pw-456', env, openmcfHome });
  assert.equal(last.url, 'postgres://pulumi@db.internal/state?sslmode=require');
  const none = await chooseBackend({ flag: 'postgres://pulumi@db.internal/state', env, openmcfHome });
  assert.equal(none.engineEnv, undefined, 'PGPASSWORD of the environment is left to the engine');
  await assert.rejects(
    chooseBackend({ flag: 's3://key:secret-in-url@bucket?region=fr-par', env, openmcfHome }),
    inputError('backend-url-credentials', /^--backend: "s3:\/\/key:\*\*\*@bucket\?region=fr-par" holds a password/),
  );
  for (const pasted of ['postgres://pulumi:[secret]@db/state', 'postgres://pulumi:%5Bsecret%5D@db/state', 'postgres://pulumi:***@db/state']) {
    await assert.rejects(chooseBackend({ flag: pasted, env, openmcfHome }), inputError('backend-url-placeholder', /holds a placeholder/), pasted);
  }
});

test('backend kinds', () => {
  assert.equal(backendKindOf('file:///x'), 'file');
  assert.equal(backendKindOf('file://~'), 'file');
  for (const url of ['s3://b', 'gs://b', 'azblob://c', 'postgres://u@h/db']) assert.equal(backendKindOf(url), 'self-managed', url);
  for (const url of ['https://api.pulumi.com', 'http://localhost:8080']) assert.equal(backendKindOf(url), 'cloud', url);
  assert.equal(backendKindOf('nonsense'), undefined);
});
