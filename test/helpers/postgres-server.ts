// A real PostgreSQL server for the tests of the postgres:// state backend: a fresh cluster in a
// temporary folder (initdb), listening on loopback on a free port, with a password-protected user,
// stopped and removed by `stop()` (and when the test process exits).
//
//   const pg = await startPostgres();       // throws, so the test FAILS, when PostgreSQL is missing
//   pg.url                                  // postgres://openmcf:<password>@127.0.0.1:<port>/openmcf?sslmode=disable
//   pg.query('SELECT key FROM pulumi_state') // psql, rows as text
//   await pg.stop();
//
// The binaries: OPENMCF_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin (Debian's
// `postgresql` package; scripts/ci-servers.sh installs it where missing). PostgreSQL refuses to run
// as root, so as root the server runs as the `postgres` user the package creates (through runuser),
// and the cluster folder is handed to it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface PostgresServer {
  /** The backend URL for openmcf, password included. */
  readonly url: string;
  readonly password: string;
  readonly port: number;
  /** Runs SQL with psql; the rows, tab-separated, one a line. */
  query(sql: string): string;
  stop(): Promise<void>;
}

export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.OPENMCF_PG_BIN;
  if (configured && configured !== '') return configured;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): run `sh scripts/ci-servers.sh`, or set OPENMCF_PG_BIN');
}

/** The uid/gid to run the server as: ourselves, or `postgres` when we are root. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as (the Debian package creates it)');
  return { name: 'postgres', uid, gid };
}

function run(command: string, args: readonly string[], as: { name: string } | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const [file, argv] = as ? ['runuser', ['-u', as.name, '--', command, ...args]] : [command, [...args]];
  const result = spawnSync(file, argv, { encoding: 'utf8', env, timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
  return result.stdout;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const as = serverUser();
  const root = mkdtempSync(join(tmpdir(), 'openmcf-pg-'));
  const data = join(root, 'data');
  const socketDir = join(root, 'socket');
  const password = randomBytes(18).toString('base64url');
  const passwordFile = join(root, 'pw');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (as) {
    chmodSync(root, 0o700);
    chownSync(root, as.uid, as.gid);
    chownSync(passwordFile, as.uid, as.gid);
  }
  const remove = (): void => rmSync(root, { recursive: true, force: true });
  run(join(bin, 'initdb'), ['-D', data, '-U', 'openmcf', '--pwfile', passwordFile, '--auth', 'scram-sha-256', '-E', 'UTF8', '--no-sync'], as);
  run('mkdir', ['-p', socketDir], as);

  let port = 0;
  for (let attempt = 0; ; attempt += 1) {
    port = await freePort();
    const options = `-h 127.0.0.1 -p ${port} -k ${socketDir} -F -c fsync=off -c full_page_writes=off`;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start'], as);
      break;
    } catch (error) {
      // Another process took the port between the probe and the start: try another one.
      if (attempt >= 3) {
        remove();
        throw error;
      }
    }
  }
  const stopNow = (): void => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], as);
    } catch {
      // already stopped
    }
    remove();
  };
  const onExit = (): void => stopNow();
  process.on('exit', onExit);

  const clientEnv = { ...process.env, PGPASSWORD: password };
  const psql = (sql: string, database: string): string =>
    run(
      join(bin, 'psql'),
      ['-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-h', '127.0.0.1', '-p', String(port), '-U', 'openmcf', '-d', database, '-c', sql],
      undefined,
      clientEnv,
    );
  psql('CREATE DATABASE openmcf', 'postgres');

  return {
    url: `postgres://openmcf:${password}@127.0.0.1:${port}/openmcf?sslmode=disable`,
    password,
    port,
    query: (sql) => psql(sql, 'openmcf'),
    stop: async () => {
      process.off('exit', onExit);
      stopNow();
    },
  };
}
