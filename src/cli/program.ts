// Declares the command tree. Each command's flags live in src/cli/commands/<verb>.ts, which
// imports its handler lazily so that `validate` and `--help` never load the Pulumi SDK.
import { Command } from 'commander';
import { versionText } from '../version.js';
import type { Io } from '../render/io.js';
import { registerValidate } from './commands/validate.js';
import { registerLoad } from './commands/load.js';
import { registerApply } from './commands/apply.js';
import { registerPreview } from './commands/preview.js';
import { registerDestroy } from './commands/destroy.js';
import { registerRefresh } from './commands/refresh.js';
import { registerOutputs } from './commands/outputs.js';
import { registerDoctor } from './commands/doctor.js';
import { registerEngine } from './commands/engine.js';
import { registerInit } from './commands/init.js';
import { registerSchema } from './commands/schema.js';

/** A command handler's result: the process exit code. Handlers never call process.exit. */
export type CommandResult = Promise<number>;

export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('openmcf')
    .description('Turn a YAML manifest into a running Scaleway Serverless Container.')
    .version(versionText(), '-V, --version', 'print the CLI version and the engine and plugin versions it pins')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    // Before any subcommand is added, so each inherits it: a usage error in a subcommand (e.g. a
    // missing required -f) then reaches main() and exits 3 instead of commander's own exit(1).
    .exitOverride();

  const context = { io, setExitCode };
  registerValidate(program, context);
  registerLoad(program, context);
  registerApply(program, context);
  registerPreview(program, context);
  registerDestroy(program, context);
  registerRefresh(program, context);
  registerOutputs(program, context);
  registerDoctor(program, context);
  registerEngine(program, context);
  registerInit(program, context);
  registerSchema(program, context);
  return program;
}

export interface CommandContext {
  readonly io: Io;
  readonly setExitCode: (code: number) => void;
}
