// Which Pulumi state backend a run uses. Precedence: `--backend`, then PULUMI_BACKEND_URL, then the
// current `pulumi login` (read from its credentials file: cheaper than running `pulumi whoami`),
// then PULUMI_ACCESS_TOKEN alone (Pulumi Cloud, as the pulumi CLI itself would assume), then a
// local folder under $OPENMCF_HOME. A sandbox run uses the sandbox's own file backend unless
// `--backend` names one (a team trying a shared set-up without an account); it never picks up
// PULUMI_BACKEND_URL or the login, so a sandbox run does not land in real state by accident.
import { stat } from 'node:fs/promises';
import { ensureFolder } from '../core/folders.js';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { invalidInput } from '../core/errors.js';
import { maskError, SecretValues } from '../core/secrets.js';
import { readOptionalFile } from '../core/optional-file.js';
import type { BackendChoice, BackendKind } from './target-types.js';

export interface ChooseBackendOptions {
  /** `--backend <url>`. */
  readonly flag?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly openmcfHome: string;
  /** A sandbox run's own state, `sandboxSettings(home).backendUrl` (src/stack/sandbox-environment.ts):
   * given exactly when the run is a sandbox run (run-environment.ts decides that). */
  readonly sandboxBackendUrl?: string;
  /** Relative `file://` paths are resolved against this (default: process.cwd()). The engine runs in
   * a temporary workspace folder, so a relative path must be made absolute before it gets there. */
  readonly cwd?: string;
}

export const PULUMI_CLOUD_URL = 'https://api.pulumi.com';

const SELF_MANAGED_SCHEMES = new Set(['s3:', 'gs:', 'azblob:', 'postgres:']);
const CLOUD_SCHEMES = new Set(['http:', 'https:']);

/** A choice before the environment's backend credentials join its secrets. */
type Chosen = Omit<BackendChoice, 'secrets'> & { readonly secrets?: SecretValues };

export async function chooseBackend(options: ChooseBackendOptions): Promise<BackendChoice> {
  const envSecrets = backendEnvSecrets(options.env);
  try {
    const chosen = await choose(options);
    return { ...chosen, secrets: envSecrets.merge(chosen.secrets ?? SecretValues.none) };
  } catch (error) {
    throw maskError(error, envSecrets);
  }
}

async function choose(options: ChooseBackendOptions): Promise<Chosen> {
  const { env } = options;
  const cwd = options.cwd ?? process.cwd();
  if (options.sandboxBackendUrl !== undefined && options.flag === undefined) {
    const url = normalizeBackendUrl(options.sandboxBackendUrl, 'the sandbox settings', cwd);
    await ensureFileBackendFolder(url, env, 'create');
    return { ...url, source: 'sandbox', origin: 'sandbox' };
  }

  if (options.flag !== undefined) {
    const url = normalizeBackendUrl(options.flag, '--backend', cwd);
    await ensureFileBackendFolder(url, env, 'require', '--backend');
    return { ...url, source: 'flag', origin: '--backend' };
  }

  const fromEnv = env.PULUMI_BACKEND_URL;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const url = normalizeBackendUrl(fromEnv, 'PULUMI_BACKEND_URL', cwd);
    await ensureFileBackendFolder(url, env, 'require', 'PULUMI_BACKEND_URL');
    return { ...url, source: 'env', origin: 'PULUMI_BACKEND_URL' };
  }

  const login = await currentPulumiLogin(env);
  if (login !== undefined) {
    const url = normalizeBackendUrl(login.current, login.path, cwd);
    return { ...url, source: 'login', origin: login.path };
  }

  if ((env.PULUMI_ACCESS_TOKEN ?? '').trim() !== '') {
    return { url: PULUMI_CLOUD_URL, kind: 'cloud', source: 'env', origin: 'PULUMI_ACCESS_TOKEN' };
  }

  const folder = join(resolve(options.openmcfHome), 'state');
  ensureFolder(folder, 'the default state folder');
  return { url: `file://${folder}`, kind: 'file', source: 'default', origin: `default (${folder})` };
}

/** The kind of a backend URL, or undefined for a scheme Pulumi does not serve. */
export function backendKindOf(url: string): BackendKind | undefined {
  if (url.startsWith('file://')) return 'file';
  let scheme: string;
  try {
    scheme = new URL(url).protocol;
  } catch {
    return undefined;
  }
  if (SELF_MANAGED_SCHEMES.has(scheme)) return 'self-managed';
  if (CLOUD_SCHEMES.has(scheme)) return 'cloud';
  return undefined;
}

/**
 * Checks a backend URL and makes `file://` paths absolute (Pulumi strips `file://` textually and
 * resolves the rest against its own working directory). `~` is left for Pulumi to expand.
 * A password in the URL (postgres://user:pass@host) is returned as a secret, masked in any error
 * thrown here, and taken out of the URL (see withoutPassword).
 */
export function normalizeBackendUrl(raw: string, where: string, cwd: string): { url: string; kind: BackendKind; engineEnv?: Record<string, string>; secrets: SecretValues } {
  const value = raw.trim();
  const secrets = urlPasswordSecrets(value);
  try {
    return { ...normalized(value, where, cwd), secrets };
  } catch (error) {
    throw maskError(error, secrets);
  }
}

function normalized(value: string, where: string, cwd: string): { url: string; kind: BackendKind; engineEnv?: Record<string, string> } {
  const kind = backendKindOf(value);
  if (kind === undefined) {
    throw invalidInput(
      `${where}: "${safeForMessage(value)}" is not a Pulumi backend URL`,
      'backend-url-invalid',
      'use file:///absolute/folder, s3://bucket, gs://bucket, azblob://container, postgres://..., or https://api.pulumi.com',
    );
  }
  if (kind !== 'file') {
    refusePlaceholder(value, where);
    checkRemoteBackendUrl(value, where);
    return { ...withoutPassword(value, where), kind };
  }
  const [path = '', query] = splitOnce(value.slice('file://'.length), '?');
  if (path === '') {
    throw invalidInput(`${where}: "${value}" names no folder`, 'backend-url-invalid', 'use file:///absolute/folder');
  }
  const absolute = path.startsWith('~') || isAbsolute(path) ? path : resolve(cwd, path);
  return { url: `file://${absolute}${query === undefined ? '' : `?${query}`}`, kind };
}

/** The folder a `file://` backend URL points at, with `~` expanded. */
export function fileBackendFolder(url: string, env: NodeJS.ProcessEnv = process.env): string {
  const [path = ''] = splitOnce(url.slice('file://'.length), '?');
  if (path === '~') return homeDir(env);
  if (path.startsWith('~/')) return join(homeDir(env), path.slice(2));
  return path;
}

interface PulumiLogin {
  readonly current: string;
  readonly path: string;
}

/** `current` from the pulumi CLI's credentials file, if there is a login. */
export async function currentPulumiLogin(env: NodeJS.ProcessEnv): Promise<PulumiLogin | undefined> {
  const folder = nonEmpty(env.PULUMI_CREDENTIALS_PATH) ?? nonEmpty(env.PULUMI_HOME) ?? join(homeDir(env), '.pulumi');
  const path = join(folder, 'credentials.json');
  const text = await readOptionalFile(path, (code) =>
    invalidInput(`cannot read the Pulumi login file ${path}: ${code}`, 'pulumi-login-unreadable', 'fix its permissions, or pass --backend'),
  );
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidInput(`the Pulumi login file ${path} is not valid JSON`, 'pulumi-login-malformed', 'run `pulumi login` again, or pass --backend / set PULUMI_BACKEND_URL');
  }
  const current = typeof parsed === 'object' && parsed !== null ? (parsed as { current?: unknown }).current : undefined;
  if (typeof current !== 'string' || current.trim() === '') return undefined;
  return { current, path };
}

async function ensureFileBackendFolder(backend: { url: string; kind: BackendKind }, env: NodeJS.ProcessEnv, mode: 'create' | 'require', where?: string): Promise<void> {
  if (backend.kind !== 'file') return;
  const folder = fileBackendFolder(backend.url, env);
  if (mode === 'create') {
    ensureFolder(folder, `${where ?? 'backend'}: the state folder`);
    return;
  }
  // A typo in a user-given path should not silently start a new, empty state folder.
  const info = await stat(folder).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw invalidInput(
      `${where ?? 'backend'}: the state folder ${folder} does not exist`,
      'backend-folder-missing',
      `create it (mkdir -p ${folder}) or point the backend at an existing folder`,
    );
  }
}

/** A bucket or database URL without its name would fail deep in the engine: say so up front. */
function checkRemoteBackendUrl(url: string, where: string): void {
  if (!url.startsWith('s3://')) return;
  const bucket = /^s3:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  if (bucket === '') {
    throw invalidInput(
      `${where}: "${safeForMessage(url)}" names no bucket`,
      'backend-url-invalid',
      'use s3://<bucket>?endpoint=s3.<region>.scw.cloud&region=<region> (Scaleway) or s3://<bucket>?region=<region> (AWS)',
    );
  }
}

/**
 * The engine writes its backend URL to disk: the temporary workspace's Pulumi.yaml and
 * `$PULUMI_HOME/workspaces/*-workspace.json` (the stack selected per backend). So a password never
 * stays in it: PostgreSQL's goes to the engine as PGPASSWORD (its driver, lib/pq, reads the libpq
 * variables for what the URL leaves out); no other backend takes one in its URL.
 */
function withoutPassword(url: string, where: string): { url: string; engineEnv?: Record<string, string> } {
  let password: string;
  let inQuery: string | null = null;
  try {
    const parsed = new URL(url);
    password = parsed.password;
    // lib/pq also reads `?password=` (a connection-string key).
    if (url.startsWith('postgres://')) inQuery = parsed.searchParams.get('password');
  } catch {
    return { url };
  }
  if (inQuery !== null && password === '') {
    const stripped = url.replace(/([?&])password=[^&#]*(&?)/, (_all, lead: string, more: string) => (more ? lead : '')).replace(/[?&]$/, '');
    return { url: stripped, engineEnv: { PGPASSWORD: inQuery } };
  }
  if (password === '') return { url };
  if (!url.startsWith('postgres://')) {
    throw invalidInput(
      `${where}: "${safeForMessage(url)}" holds a password, which this backend does not read from its URL`,
      'backend-url-credentials',
      "give the credentials through the variables the backend reads (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY for s3://, the cloud's own for gs:// and azblob://, PULUMI_ACCESS_TOKEN for Pulumi Cloud)",
    );
  }
  const stripped = url.replace(/^(postgres:\/\/[^:/@]*):[^@/]*@/, '$1@');
  return { url: stripped, engineEnv: { PGPASSWORD: safeDecode(password) } };
}

/** `[secret]` (or `***`) is how openmcf prints a credential: pasted back from a message, it is not one. */
function refusePlaceholder(url: string, where: string): void {
  const decoded = safeDecode(url);
  if (!decoded.includes('[secret]') && !/^[a-z0-9+.-]+:\/\/[^:/@]*:\*\*\*@/i.test(decoded)) return;
  throw invalidInput(
    `${where}: the URL holds a placeholder ([secret] or ***) that openmcf prints in place of a password, not the password`,
    'backend-url-placeholder',
    'give the real URL, or leave the password out of it and set PGPASSWORD (PostgreSQL)',
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The variables the engine authenticates to a bucket or database with: secrets like any other,
 * masked wherever they could surface (an engine error echoing its configuration, say). */
export const BACKEND_SECRET_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'PGPASSWORD'] as const;

export function backendEnvSecrets(env: NodeJS.ProcessEnv): SecretValues {
  return SecretValues.of(...BACKEND_SECRET_VARIABLES.map((name) => env[name]));
}

/** A password in a backend URL, as written and decoded, and a `?password=` (lib/pq reads one; on
 * another backend it is a mistake, but still a password an error quoting the URL must not show). */
function urlPasswordSecrets(url: string): SecretValues {
  try {
    const parsed = new URL(url);
    return SecretValues.of(parsed.password, safeDecode(parsed.password), parsed.searchParams.get('password') ?? undefined);
  } catch {
    return SecretValues.none; // not parseable: no password to find
  }
}

/** Masks a password in a URL before it goes into a message. */
function safeForMessage(url: string): string {
  return url.replace(/^([a-z0-9+.-]+:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function homeDir(env: NodeJS.ProcessEnv): string {
  return nonEmpty(env.HOME) ?? homedir();
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
