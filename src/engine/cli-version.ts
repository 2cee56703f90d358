// Which version a `pulumi` binary is, without paying for a `pulumi version` run every time: the
// answer is remembered per binary (path + size + mtime) under $OPENMCF_HOME/engine/. Binaries in
// openmcf's own cache never get here: their version is in their path.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Inline `refresh` and `destroy` through the Automation API need at least this CLI. */
export const MINIMUM_ENGINE_VERSION = '3.181.0';

interface ProbeEntry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly version: string;
}

/** `v3.274.1` or `3.274.1-dev.0` -> `3.274.1`-style text, or undefined when it is not a version. */
export function parseEngineVersion(text: string): string | undefined {
  const match = /v?(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)/.exec(text.trim());
  return match?.[1];
}

/** Numeric comparison of the major.minor.patch part; pre-release tags are ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .split(/[-+]/)[0]!
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function cacheFile(home: string): string {
  return join(home, 'engine', 'probed-versions.json');
}

function readCache(home: string): Record<string, ProbeEntry> {
  try {
    return JSON.parse(readFileSync(cacheFile(home), 'utf8')) as Record<string, ProbeEntry>;
  } catch {
    return {};
  }
}

function writeCache(home: string, cache: Record<string, ProbeEntry>): void {
  // Best effort: a read-only home only costs a `pulumi version` run next time.
  try {
    const file = cacheFile(home);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(cache, null, 2));
    renameSync(tmp, file);
  } catch {
    /* ignored on purpose */
  }
}

/** The version the binary at `path` reports, remembered across runs while the file is unchanged. */
export function probeEngineVersion(path: string, home: string, env: NodeJS.ProcessEnv): string {
  const stat = statSync(path);
  const cache = readCache(home);
  const known = cache[path];
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.version;

  const output = execFileSync(path, ['version'], {
    env: { ...env, PULUMI_SKIP_UPDATE_CHECK: 'true' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  const version = parseEngineVersion(output);
  if (!version) throw new Error(`\`${path} version\` printed no version: ${output.trim()}`);
  cache[path] = { size: stat.size, mtimeMs: stat.mtimeMs, version };
  writeCache(home, cache);
  return version;
}
