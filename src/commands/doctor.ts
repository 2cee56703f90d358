// `openmcf doctor`: can an `apply` run here, and if not, what is missing? Checks the Node.js
// version, the engine (path, version, where it came from), the Scaleway plugin, the state backend
// and the credentials source. Exit 0 only when all of them are fine; 1 otherwise.
//
// Output and --json: render/doctor-report.ts.
import { ExitCode } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { doctorDocument, renderDoctor, type DoctorReport } from '../render/doctor-report.js';
import { checkBackend, checkCredentials, checkEngine, checkNode, checkPlugin, type DoctorOptions } from './doctor-checks.js';

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const checks = [checkNode(), ...(await Promise.all([checkEngine(options), checkPlugin(options), checkBackend(options), checkCredentials(options)]))];
  return { ok: checks.every((check) => check.ok), sandbox: options.sandbox, checks };
}

export interface DoctorCommandOptions extends DoctorOptions {
  readonly json: boolean;
}

export async function doctor(options: DoctorCommandOptions, io: Io): Promise<number> {
  const report = await runDoctor(options);
  if (options.json) io.out(`${JSON.stringify(doctorDocument(report), null, 2)}\n`);
  else io.err(renderDoctor(report, io.color));
  return report.ok ? ExitCode.ok : ExitCode.failed;
}
