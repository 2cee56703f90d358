// `-f https://...` (and http://): a manifest fetched with Node's fetch, as the original OpenMCF
// CLI downloads one before reading it. Bounded: a timeout over the whole exchange (body included;
// OPENMCF_URL_TIMEOUT_MS, default 30 s) and a size limit (1 MiB, far above any manifest). The URL
// is shown with its credentials masked: the user:password part, and query values that look like
// tokens (`?token=...`, `X-Amz-Signature=...`, long random strings). That masked form is also the
// file name diagnostics point into (`https://host/app.yaml:12:5`). A user:password part is sent as
// HTTP basic authentication: fetch refuses URLs that hold credentials.
import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceFile } from './document.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { SecretValues } from '../core/secrets.js';

export const URL_TIMEOUT_ENV = 'OPENMCF_URL_TIMEOUT_MS';
export const DEFAULT_URL_TIMEOUT_MS = 30_000;
export const MAX_MANIFEST_BYTES = 1024 * 1024;
const MASK = '***';

export function isManifestUrl(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

/** Query keys whose values are credentials whatever they look like. */
const SECRET_QUERY_KEY = /token|secret|passw|pwd|key|sig|auth|credential|session|code|jwt/i;

/** A value that reads like a generated credential: long, no spaces, letters and digits mixed. */
function looksLikeToken(value: string): boolean {
  return value.length >= 16 && /^[\w.~+/=%-]+$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value);
}

export interface MaskedUrl {
  /** Safe to print. */
  readonly shown: string;
  /** The parts masked in `shown`, decoded (returned by readUrl, so the run masks them everywhere). */
  readonly secrets: readonly string[];
}

/** The URL as it may be printed; a string that is not a URL is only cut at its first `@`. */
export function maskUrl(raw: string): MaskedUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    const at = raw.indexOf('@');
    return { shown: at < 0 ? raw : `${raw.slice(0, raw.indexOf('//') + 2)}${MASK}@${raw.slice(at + 1)}`, secrets: [] };
  }
  const secrets: string[] = [];
  const userinfo = url.username !== '' || url.password !== '';
  for (const part of [url.username, url.password]) if (part !== '') secrets.push(decodeURIComponent(part));
  const query = [...url.searchParams].map(([key, value]) => {
    if (value === '' || !(SECRET_QUERY_KEY.test(key) || looksLikeToken(value))) return `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
    secrets.push(value);
    return `${encodeURIComponent(key)}=${MASK}`;
  });
  const shown = `${url.protocol}//${userinfo ? `${MASK}@` : ''}${url.host}${url.pathname}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  return { shown, secrets };
}

/** What reading a URL gave, with the URL's credentials: secrets whatever the outcome. */
export type UrlRead = ({ readonly file: SourceFile } | { readonly problem: Diagnostic }) & { readonly secrets: SecretValues };

export async function readUrl(raw: string, env: NodeJS.ProcessEnv = process.env): Promise<UrlRead> {
  const masked = maskUrl(raw);
  const secrets = SecretValues.of(...masked.secrets);
  const read = await fetchManifest(raw, masked.shown, env);
  return { ...read, secrets };
}

async function fetchManifest(raw: string, shown: string, env: NodeJS.ProcessEnv): Promise<{ file: SourceFile } | { problem: Diagnostic }> {
  const problem = (code: string, message: string, hint?: string) => ({ problem: urlProblem(shown, code, message, hint) });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return problem(DiagnosticCode.inputUrlFailed, 'not a valid URL', 'write it as https://host/path/manifest.yaml');
  }
  const headers: Record<string, string> = { accept: 'application/yaml, text/yaml, text/plain;q=0.9, */*;q=0.8' };
  if (url.username !== '' || url.password !== '') {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  const timeoutMs = urlTimeoutMs(env);
  try {
    const response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return problem(
        DiagnosticCode.inputUrlFailed,
        `the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        response.status === 401 || response.status === 403 ? 'the URL needs credentials it does not have' : 'check the URL',
      );
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > MAX_MANIFEST_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      return problem(DiagnosticCode.inputUrlTooLarge, tooLarge(`${declared} bytes`), TOO_LARGE_HINT);
    }
    const body = await readLimited(response);
    if (body === undefined) return problem(DiagnosticCode.inputUrlTooLarge, tooLarge(`more than ${MAX_MANIFEST_BYTES} bytes`), TOO_LARGE_HINT);
    return { file: { file: shown, text: body } };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return problem(
        DiagnosticCode.inputUrlTimeout,
        `no complete answer within ${formatMs(timeoutMs)}`,
        `check that the server is up; ${URL_TIMEOUT_ENV}=<milliseconds> waits longer`,
      );
    }
    return problem(DiagnosticCode.inputUrlFailed, `cannot fetch: ${networkReason(error)}`, 'check the URL and your network connection');
  }
}

const TOO_LARGE_HINT = 'a manifest is a few kilobytes; check that the URL points at the manifest itself';

function tooLarge(size: string): string {
  return `the answer is too large for a manifest (${size}; the limit is ${MAX_MANIFEST_BYTES} bytes)`;
}

/** The body as text, or undefined as soon as it passes the limit (the rest is never read). */
async function readLimited(response: Response): Promise<string | undefined> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_MANIFEST_BYTES) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function urlTimeoutMs(env: NodeJS.ProcessEnv): number {
  const configured = Number(env[URL_TIMEOUT_ENV]);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_URL_TIMEOUT_MS;
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** What went wrong on the network, without the URL (undici's causes: ECONNREFUSED, ENOTFOUND, ...). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code === 'ENOTFOUND' ? 'the host name does not resolve (ENOTFOUND)' : cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function urlProblem(file: string, code: string, message: string, hint?: string): Diagnostic {
  return { file, line: 0, column: 0, severity: 'error', code, path: '', message, ...(hint ? { hint } : {}) };
}
