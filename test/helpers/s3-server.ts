// A real S3 server for the tests of the s3:// state backend: versitygw (github.com/versity/versitygw,
// built from Go modules by servers/versitygw/build.sh) serving a temporary folder on loopback on a
// free port, with its own access key and secret, stopped and removed by `stop()` (and when the test
// process exits). A bucket is a folder under the root, an object a file below it, so the tests can
// read every byte the engine stored.
//
//   const s3 = await startS3();
//   s3.backendUrl('state')     // s3://state?endpoint=http://127.0.0.1:<port>&s3ForcePathStyle=true&region=fr-par
//   s3.env                     // AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY for the engine
//   s3.objects('state')        // every object of the bucket: key and content
//   s3.put('state', key, text) // writes an object (a file of the bucket's folder)
//   await s3.stop();
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { openmcfHome } from '../../src/core/openmcf-home.js';
import { freePort, waitForPort } from './free-port.js';

export const VERSITYGW_VERSION = '1.8.0';
export const S3_REGION = 'fr-par';

export interface S3Server {
  readonly port: number;
  readonly accessKey: string;
  readonly secretKey: string;
  /** Credentials for the engine, as the AWS SDK reads them. */
  readonly env: Readonly<Record<string, string>>;
  /** Creates the bucket (a folder under the root) and returns openmcf's backend URL for it. */
  backendUrl(bucket: string): string;
  objects(bucket: string): Array<{ key: string; text: string }>;
  /** Writes an object as a file of the bucket's folder (e.g. a lock a killed run left). */
  put(bucket: string, key: string, text: string): void;
  stop(): Promise<void>;
}

export function versitygwBinary(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.OPENMCF_VERSITYGW;
  const path = configured && configured !== '' ? configured : join(openmcfHome(env), 'versitygw', `v${VERSITYGW_VERSION}`, 'bin', 'versitygw');
  if (!existsSync(path)) throw new Error(`versitygw is missing at ${path}: run \`sh servers/versitygw/build.sh\` (or set OPENMCF_VERSITYGW) before the S3 tests`);
  return path;
}

export async function startS3(): Promise<S3Server> {
  const binary = versitygwBinary();
  const root = mkdtempSync(join(tmpdir(), 'openmcf-s3-'));
  const data = join(root, 'buckets');
  // Object metadata in a side folder: the posix backend would otherwise need extended attributes,
  // which not every temporary file system offers.
  const meta = join(root, 'meta');
  mkdirSync(data);
  mkdirSync(meta);
  const accessKey = `OMCF${randomBytes(8).toString('hex').toUpperCase()}`;
  const secretKey = randomBytes(24).toString('base64url');

  let child: ChildProcess | undefined;
  let port = 0;
  let output = '';
  for (let attempt = 0; ; attempt += 1) {
    port = await freePort();
    output = '';
    const started = spawn(binary, ['--port', `127.0.0.1:${port}`, '--region', S3_REGION, '--quiet', 'posix', '--sidecar', meta, data], {
      // Credentials by environment, not argv: argv is world-readable in /proc.
      env: { ...process.env, ROOT_ACCESS_KEY_ID: accessKey, ROOT_SECRET_ACCESS_KEY: secretKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    started.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    try {
      await waitForPort(port, 20_000, () => (started.exitCode !== null ? `versitygw exited (${started.exitCode}): ${output}` : undefined));
      child = started;
      break;
    } catch (error) {
      started.kill('SIGKILL');
      if (attempt >= 3) {
        rmSync(root, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const server = child;
  const stopNow = (): void => {
    server.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  };
  process.on('exit', stopNow);

  return {
    port,
    accessKey,
    secretKey,
    env: { AWS_ACCESS_KEY_ID: accessKey, AWS_SECRET_ACCESS_KEY: secretKey, AWS_REGION: S3_REGION },
    backendUrl: (bucket) => {
      mkdirSync(join(data, bucket), { recursive: true });
      return `s3://${bucket}?endpoint=http://127.0.0.1:${port}&s3ForcePathStyle=true&region=${S3_REGION}`;
    },
    objects: (bucket) => {
      const found: Array<{ key: string; text: string }> = [];
      const walk = (dir: string): void => {
        for (const entry of readdirSync(dir)) {
          const path = join(dir, entry);
          if (statSync(path).isDirectory()) walk(path);
          else found.push({ key: relative(join(data, bucket), path), text: readFileSync(path, 'latin1') });
        }
      };
      if (existsSync(join(data, bucket))) walk(join(data, bucket));
      return found;
    },
    put: (bucket, key, text) => {
      const path = join(data, bucket, key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
    stop: async () => {
      process.off('exit', stopNow);
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      stopNow();
    },
  };
}
