// `openmcf doctor`: can an `apply` run here, and if not, what is missing? Checks the Node.js
// version, the engine (path, version, where it came from), the Scaleway plugin, the state backend
// and the credentials source. Exit 0 only when all of them are fine; 1 otherwise.
//
// --json prints one document on stdout:
//   { "apiVersion": "openmcf.org/doctor/v1", "ok": true, "sandbox": false,
//     "checks": [ { "name": "engine", "ok": true, "summary": "...", "fix": "..." }, ... ] }
import { Chalk } from 'chalk';
import { ExitCode } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { checkBackend, checkCredentials, checkEngine, checkNode, checkPlugin, type DoctorCheck, type DoctorOptions } from './doctor-checks.js';

export const DOCTOR_API_VERSION = 'openmcf.org/doctor/v1';

export interface DoctorReport {
  readonly ok: boolean;
  readonly sandbox: boolean;
  readonly checks: readonly DoctorCheck[];
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const checks = [checkNode(), ...(await Promise.all([checkEngine(options), checkPlugin(options), checkBackend(options), checkCredentials(options)]))];
  return { ok: checks.every((check) => check.ok), sandbox: options.sandbox, checks };
}

export interface DoctorCommandOptions extends DoctorOptions {
  readonly json: boolean;
}

export async function doctor(options: DoctorCommandOptions, io: Io): Promise<number> {
  const report = await runDoctor(options);
  if (options.json) io.out(`${JSON.stringify({ apiVersion: DOCTOR_API_VERSION, ...report }, null, 2)}\n`);
  else io.err(renderDoctor(report, io.color));
  return report.ok ? ExitCode.ok : ExitCode.failed;
}

export function renderDoctor(report: DoctorReport, color: boolean): string {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const width = Math.max(...report.checks.map((check) => check.name.length));
  const lines = report.checks.flatMap((check) => {
    const mark = check.ok ? chalk.green('ok  ') : chalk.red('FAIL');
    const line = `${mark} ${check.name.padEnd(width)}  ${check.summary}`;
    return check.fix ? [line, `     ${' '.repeat(width)}  ${check.ok ? chalk.dim(check.fix) : chalk.yellow(`-> ${check.fix}`)}`] : [line];
  });
  const mode = report.sandbox ? ' in the sandbox (simulated cloud, nothing real is touched)' : '';
  const verdict = report.ok
    ? chalk.green(`openmcf is ready to apply${mode}.`)
    : chalk.red(`openmcf cannot apply yet${mode}: fix the FAIL lines above.`) + (report.sandbox ? '' : chalk.dim(' (`openmcf doctor --sandbox` checks the simulated cloud set-up.)'));
  return `${lines.join('\n')}\n\n${verdict}\n`;
}
