// The simulated cloud's containers answering on their own domains: a request whose Host header is
// a container's domain (`myapi1a2b3c4d-my-api.functions.fnc.fr-par.scw.cloud`), which nothing else
// can serve, is answered here for that container, as the platform's front end would: 200 when it is
// ready, 502 when it is in `error` (the platform has nothing to route to), 503 while it is still
// being created or updated, 404 for a domain no container has. `openmcf status --probe` in the
// sandbox sends its request this way. Reads only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCloud } from './store.js';
import type { ContainerWire } from './wire.js';

const CONTAINER_DOMAIN = /\.functions\.fnc\.[a-z]{2}-[a-z]{3,7}\.scw\.cloud$/;

/** Answers the request when its Host is a container domain; false to let the API answer it. */
export function answerProbe(storeDir: string, request: IncomingMessage, response: ServerResponse): boolean {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!CONTAINER_DOMAIN.test(host)) return false;
  let answer: [number, string];
  try {
    const container = Object.values(readCloud(storeDir).containers).find((c) => hostOf(c) === host);
    answer = container ? answerFor(container, Date.now()) : [404, `no container serves ${host}\n`];
  } catch (error) {
    answer = [500, `the simulated cloud could not be read: ${(error as Error).message}\n`];
  }
  const [status, text] = answer;
  response.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
  return true;
}

function hostOf(container: ContainerWire): string {
  try {
    return new URL(container.public_endpoint).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The status a client would see now: a transition due by `now` has ended (see lifecycle.ts). */
function answerFor(container: ContainerWire, now: number): [number, string] {
  const settled = container._settles_at !== undefined && container._settles_at <= now;
  const status = settled ? (container._settles_to === 'error' ? 'error' : container._settles_to === 'gone' ? 'gone' : 'ready') : container.status;
  if (status === 'ready') return [200, `${container.name}: ok (simulated container)\n`];
  if (status === 'error') return [502, `${container.name}: the container is in error\n`];
  if (status === 'gone' || status === 'deleting') return [404, `${container.name}: no such container\n`];
  return [503, `${container.name}: the container is not ready (${status})\n`];
}
