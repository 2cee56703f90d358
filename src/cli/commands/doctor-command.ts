// `openmcf doctor`: flags and wiring only; the handler is imported lazily.
import type { Command } from 'commander';
import type { CommandContext } from '../flags/command-context.js';
import { loadCloudHandler } from '../flags/cloud-flags.js';

interface DoctorFlags {
  readonly sandbox?: boolean;
  readonly backend?: string;
  readonly providerConfig?: string;
  readonly json?: boolean;
}

const HELP_AFTER = `
Checks what an apply needs: Node.js, the Pulumi engine (path, version, where it came from), the
Scaleway plugin, the state backend (read once through the engine: it must answer within 20 s,
OPENMCF_DOCTOR_TIMEOUT=<seconds> changes that) and the credentials source, and says what to do
about anything missing. With CI set (CI=true), a backend left to the default local folder is a
failure: the state would be lost with the runner. Exit code 0 only when an apply could run; 1
otherwise.

Examples:
  $ openmcf doctor                 # real deployments
  $ openmcf doctor --sandbox       # the simulated cloud (no credentials or plugin download needed)
  $ openmcf doctor --json
`;

export function registerDoctor(program: Command, context: CommandContext): void {
  program
    .command('doctor')
    .description('check that everything an apply needs is in place, and say what to fix')
    .option('--sandbox', 'check the sandbox set-up (simulated cloud) instead of a real deployment')
    .option('--backend <url>', 'check this Pulumi state backend instead of the default choice')
    .option('-p, --provider-config <file>', 'check Scaleway credentials from this YAML file')
    .option('--json', 'print one machine-readable JSON document on stdout')
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: DoctorFlags) => {
      const { doctor } = await loadCloudHandler(() => import('../../commands/doctor.js'));
      context.setExitCode(
        await doctor(
          {
            env: process.env,
            sandbox: flags.sandbox === true,
            ...(flags.backend !== undefined ? { backend: flags.backend } : {}),
            ...(flags.providerConfig !== undefined ? { providerConfig: flags.providerConfig } : {}),
            cwd: process.cwd(),
            json: flags.json === true,
          },
          context.io,
        ),
      );
    });
}
