// Real API traffic recorded against Scaleway, read down to the containers v1 calls the local API
// answers. Two sets:
//   - the Terraform provider's acceptance tests (go-vcr cassettes shipped in the provider's Go
//     module, in the Go module cache once provider/build.sh has run);
//   - the Scaleway CLI's (scw v2.61) acceptance tests, a client we did not write: copied unchanged
//     into replay/scaleway-cli/ (origin, licence and checksums in its README.md).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../helpers/run-openmcf.js';

export const PROVIDER_MODULE = 'github.com/scaleway/terraform-provider-scaleway/v2@v2.80.0';

export interface Interaction {
  readonly method: string;
  /** Path and query, e.g. `/containers/v1/regions/fr-par/namespaces?name=x`. */
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly code: number;
  readonly response: unknown;
}

export interface RecordingSet {
  readonly name: string;
  readonly dir: string;
}

export function providerRecordings(): RecordingSet {
  const cache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
  const dir = join(cache, PROVIDER_MODULE, 'internal', 'services', 'container', 'testdata');
  if (!existsSync(dir)) throw new Error(`the recorded traffic is missing at ${dir}: run \`sh provider/build.sh\` (it downloads the provider's module)`);
  return { name: 'terraform-provider-scaleway v2.80.0', dir };
}

export function cliRecordings(): RecordingSet {
  return { name: 'scaleway-cli v2.61.0', dir: join(REPO_ROOT, 'test', 'sandbox', 'replay', 'scaleway-cli') };
}

export function cassetteNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cassette.yaml'))
    .sort();
}

const SIMULATED = /^\/containers\/v1\/regions\/[a-z-]+\/(namespaces|containers|triggers)(\/|\?|$)/;
const DOMAINS = /^\/containers\/v1\/regions\/[a-z-]+\/domains(\/|\?|$)/;

/**
 * The calls of one cassette that the local API answers. Of the domain calls, the sandbox answers
 * those of a container without custom domains (lists, and the 404 of a domain that is not there):
 * it simulates no domain, so the creation of one and the reads of it are left out. Tokens, VPC,
 * MnQ, registry, IAM and Docker calls are other APIs.
 */
export function readInteractions(dir: string, name: string): Interaction[] {
  const doc = parse(readFileSync(join(dir, name), 'utf8')) as {
    interactions: Array<{ request: { url: string; method: string; body?: string }; response: { code: number; body: string } }>;
  };
  return doc.interactions
    .filter((it) => /^https?:\/\/[^/]/.test(it.request.url))
    .map((it) => ({ it, url: new URL(it.request.url) }))
    .map(({ it, url }) => ({ it, path: `${url.pathname}${url.search}` }))
    .filter(({ it, path }) => SIMULATED.test(path) || (DOMAINS.test(path) && it.request.method === 'GET' && (it.response.code === 404 || !/\/domains\/[^/?]+/.test(path))))
    .map(({ it, path }) => ({
      method: it.request.method,
      path,
      body: it.request.body ? (JSON.parse(it.request.body) as Record<string, unknown>) : {},
      code: it.response.code,
      response: it.response.body ? (JSON.parse(it.response.body) as unknown) : undefined,
    }));
}
