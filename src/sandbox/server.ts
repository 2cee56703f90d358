// The local Scaleway containers API: a node:http server on loopback over the on-disk store. The
// real provider reaches it through SCW_API_URL. One runs inside openmcf for every sandbox run;
// `openmcf sandbox api` runs one in the foreground for other tools. Given the sandbox's transit key,
// it also serves the Vault transit calls that protect the sandbox state's secrets (transit.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFaults, type FaultRule } from './faults.js';
import { ApiError, internalError, invalidRequest, routeNotFound, unauthenticated } from './api-errors.js';
import { FaultGate } from './fault-gate.js';
import { handle, type ApiSettings } from './handle.js';
import { route } from './routes.js';
import type { Body } from './wire.js';
import { answerTransit, TRANSIT_PREFIX } from './transit.js';
import { answerProbe } from './answer-probe.js';
import type { TransitKey } from './secrets-key.js';

export interface LocalApiOptions {
  readonly storeDir: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** The fault rules, parsed once by whoever read OPENMCF_SANDBOX_FAULTS (a run, where it decides
   * the sandbox); or their text, whose parse errors are thrown here, before the server listens. */
  readonly faults?: string | readonly FaultRule[];
  /** How long `creating`/`updating`/`deleting` last (ms; 0, the default: over by the next call). */
  readonly transitionMs?: number;
  /** Epoch ms (default Date.now): tests move time on by hand. */
  readonly clock?: () => number;
  /** The organization of the credentials clients use (SCW_DEFAULT_ORGANIZATION_ID): new
   * namespaces belong to it, as on the platform, which knows it from the API key. Without it, to
   * the project's id (what a default project has). */
  readonly organizationId?: string;
  /** The key of the sandbox state's secrets provider (../secrets-key.ts); without it the
   * transit routes answer 404. */
  readonly transit?: TransitKey;
  /** Called once per answered request (for `openmcf sandbox api`'s log and for tests). */
  readonly onRequest?: (line: RequestLine) => void;
}

export interface RequestLine {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The parsed request body (tests look at what the provider sent); never logged as is. */
  readonly body: Body;
}

export interface LocalApi {
  /** `http://127.0.0.1:PORT`, without a trailing slash (what SCW_API_URL takes). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const settings: ApiSettings = {
    storeDir: options.storeDir,
    gate: new FaultGate(options.storeDir, typeof options.faults === 'object' ? options.faults : parseFaults(options.faults)),
    transitionMs: options.transitionMs ?? 0,
    clock: options.clock ?? Date.now,
    ...(options.organizationId !== undefined ? { organizationId: options.organizationId } : {}),
  };
  const server = createServer((request, response) => {
    // A request for a container's own domain (`status --probe` in the sandbox): answer-probe.ts answers.
    if (answerProbe(settings.storeDir, request, response)) return;
    void answer(settings, request, response, options);
  });
  // Connections the provider keeps alive must not hold the server open at close.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        settings.gate.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(settings: ApiSettings, request: IncomingMessage, response: ServerResponse, options: LocalApiOptions): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = request.method ?? 'GET';
  let body: Body = {};
  let status = 200;
  let payload: unknown;
  const transit = url.pathname.startsWith(TRANSIT_PREFIX);
  try {
    body = await readBody(request);
    if (transit) ({ status, payload } = answerTransit(options.transit, method, url.pathname, request.headers['x-vault-token'], body));
    else payload = await scalewayAnswer(settings, method, url, request, body);
  } catch (error) {
    const apiError = error instanceof ApiError ? error : internalError();
    if (!(error instanceof ApiError)) process.stderr.write(`openmcf sandbox api: ${method} ${url.pathname}: ${(error as Error).message}\n`);
    status = apiError.status;
    payload = apiError.body;
  }
  const text = JSON.stringify(payload);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
  // A transit body holds a data key in the clear: never handed on.
  options.onRequest?.({ method, path: `${url.pathname}${url.search}`, status, body: transit ? {} : body });
}

/** The Scaleway API's own calls: the X-Auth-Token a secret key, then the route. */
async function scalewayAnswer(settings: ApiSettings, method: string, url: URL, request: IncomingMessage, body: Body): Promise<unknown> {
  const token = request.headers['x-auth-token'];
  if (typeof token !== 'string' || !UUID.test(token)) throw unauthenticated();
  const target = route(method, url.pathname);
  if (!target) throw routeNotFound(method, url.pathname);
  return handle(settings, target, url.searchParams, body);
}

function readBody(request: IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(invalidRequest('request body too large'));
      else chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) reject(invalidRequest('the request body must be a JSON object'));
        else resolve(parsed as Body);
      } catch {
        reject(invalidRequest('the request body is not valid JSON'));
      }
    });
  });
}
