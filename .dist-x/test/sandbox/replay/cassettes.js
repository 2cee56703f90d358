// The real API traffic the Terraform provider's acceptance tests recorded (go-vcr cassettes,
// shipped in the provider's Go module), read down to the containers v1 calls the local API
// simulates. The module is in the Go module cache once provider/build.sh has run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
export const PROVIDER_MODULE = 'github.com/scaleway/terraform-provider-scaleway/v2@v2.80.0';
export function cassetteDir() {
    const cache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
    const dir = join(cache, PROVIDER_MODULE, 'internal', 'services', 'container', 'testdata');
    if (!existsSync(dir))
        throw new Error(`the recorded traffic is missing at ${dir}: run \`sh provider/build.sh\` (it downloads the provider's module)`);
    return dir;
}
export function cassetteNames(dir) {
    return readdirSync(dir).filter((f) => f.endsWith('.cassette.yaml')).sort();
}
const SIMULATED = /^\/containers\/v1\/regions\/[a-z-]+\/(namespaces|containers|triggers)(\/|\?|$)/;
/** The calls of one cassette that the local API answers (domains, tokens, VPC, MnQ... are not). */
export function readInteractions(dir, name) {
    const doc = parse(readFileSync(join(dir, name), 'utf8'));
    return doc.interactions
        .map((it) => {
        const url = new URL(it.request.url);
        return {
            method: it.request.method,
            path: `${url.pathname}${url.search}`,
            body: it.request.body ? JSON.parse(it.request.body) : {},
            code: it.response.code,
            response: it.response.body ? JSON.parse(it.response.body) : undefined,
        };
    })
        .filter((it) => SIMULATED.test(it.path));
}
