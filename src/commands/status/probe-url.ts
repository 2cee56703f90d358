// `status --probe`: one GET of the container's URL, its HTTP status and how long it took. A status
// below 500 means the container answered (a 404 or a 403 from the application is an answer); 5xx,
// a refused connection or no answer within the time limit means it did not. In the sandbox the
// container's domain exists nowhere, so the request goes to the local API with that domain in its
// Host header, and the local API answers for the container (src/sandbox/answer-probe.ts).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ProbeResult } from '../../render/status-report.js';

export interface ProbeOptions {
  /** Send the request to this base URL (the sandbox's local API) with the URL's host as Host. */
  readonly via?: string;
  /** @default 30000 */
  readonly timeoutMs?: number;
}

export function probeUrl(url: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const target = new URL(url);
  const via = options.via !== undefined ? new URL(options.via) : undefined;
  const connectTo = via ?? target;
  const send = connectTo.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<ProbeResult, 'url' | 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      resolve({ url, durationMs: Date.now() - started, ...result });
    };
    const req = send(
      {
        hostname: connectTo.hostname,
        port: connectTo.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: 'GET',
        headers: { Host: target.host, 'User-Agent': 'openmcf-status-probe' },
        timeout: timeoutMs,
      },
      (response) => {
        const httpStatus = response.statusCode ?? 0;
        response.resume();
        finish({ httpStatus, answering: httpStatus > 0 && httpStatus < 500 });
      },
    );
    req.on('timeout', () => {
      req.destroy();
      finish({ answering: false, error: `no answer within ${Math.round(timeoutMs / 1000)}s` });
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish({ answering: false, error: error.code ?? error.message }));
    req.end();
  });
}
