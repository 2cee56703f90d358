// `openmcf doctor` output, from the checks the command ran (commands/doctor.ts): a line per check
// and the verdict on stderr, or with --json one document on stdout:
//   { "apiVersion": "openmcf.org/doctor/v1", "ok": true, "sandbox": false,
//     "checks": [ { "name": "engine", "ok": true, "summary": "...", "fix": "..." }, ... ] }
import { Chalk } from 'chalk';

export const DOCTOR_API_VERSION = 'openmcf.org/doctor/v1';

/** One check: what it is about, whether it passed, what it found and what to do. */
export interface DoctorCheck {
  readonly name: 'node' | 'engine' | 'plugin' | 'backend' | 'credentials';
  readonly ok: boolean;
  /** One line: what was found, or what is missing. */
  readonly summary: string;
  /** What to do, when not ok (or worth knowing when ok). */
  readonly fix?: string;
}

export interface DoctorReport {
  readonly ok: boolean;
  readonly sandbox: boolean;
  readonly checks: readonly DoctorCheck[];
}

export function doctorDocument(report: DoctorReport): object {
  return { apiVersion: DOCTOR_API_VERSION, ...report };
}

/** Human form: a line per check (its fix under it), then the verdict. */
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
    : chalk.red(`openmcf cannot apply yet${mode}: fix the FAIL lines above.`) +
      (report.sandbox ? '' : chalk.dim(' (`openmcf doctor --sandbox` checks the simulated cloud set-up.)'));
  return `${lines.join('\n')}\n\n${verdict}\n`;
}
