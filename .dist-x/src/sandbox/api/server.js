// The local Scaleway containers API: a node:http server on loopback over the on-disk store. The
// real provider reaches it through SCW_API_URL. One runs inside openmcf for every sandbox run;
// `openmcf sandbox api` runs one in the foreground for other tools.
import { createServer } from 'node:http';
import { parseFaults } from '../faults.js';
import { ApiError, internalError, invalidRequest, routeNotFound, unauthenticated } from './errors.js';
import { FaultGate } from './fault-gate.js';
import { handle } from './handle.js';
import { route } from './routes.js';
const MAX_BODY_BYTES = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export async function startLocalApi(options) {
    const settings = {
        storeDir: options.storeDir,
        gate: new FaultGate(options.storeDir, parseFaults(options.faults)),
        transitionMs: options.transitionMs ?? 0,
    };
    const server = createServer((request, response) => {
        void answer(settings, request, response, options.onRequest);
    });
    // Connections the provider keeps alive must not hold the server open at close.
    server.keepAliveTimeout = 5_000;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        port,
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
async function answer(settings, request, response, onRequest) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    let body = {};
    let status = 200;
    let payload;
    try {
        body = await readBody(request);
        const token = request.headers['x-auth-token'];
        if (typeof token !== 'string' || !UUID.test(token))
            throw unauthenticated();
        const target = route(method, url.pathname);
        if (!target)
            throw routeNotFound(method, url.pathname);
        payload = await handle(settings, target, url.searchParams, body);
    }
    catch (error) {
        const apiError = error instanceof ApiError ? error : internalError();
        if (!(error instanceof ApiError))
            process.stderr.write(`openmcf sandbox api: ${method} ${url.pathname}: ${error.message}\n`);
        status = apiError.status;
        payload = apiError.body;
    }
    const text = JSON.stringify(payload);
    response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    response.end(text);
    onRequest?.({ method, path: `${url.pathname}${url.search}`, status, body });
}
function readBody(request) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        request.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES)
                reject(invalidRequest('request body too large'));
            else
                chunks.push(chunk);
        });
        request.on('error', reject);
        request.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (text.trim() === '')
                return resolve({});
            try {
                const parsed = JSON.parse(text);
                if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
                    reject(invalidRequest('the request body must be a JSON object'));
                else
                    resolve(parsed);
            }
            catch {
                reject(invalidRequest('the request body is not valid JSON'));
            }
        });
    });
}
