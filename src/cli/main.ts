// The one place that turns errors into exit codes and messages. Everything below throws
// OpenmcfError (or returns an exit code); nothing else calls process.exit.
import { CommanderError } from 'commander';
import { buildProgram, firstPhaseWanted } from './program.js';
import { processIo, type Io } from '../core/io.js';
import { showFirstPhase, stopProcessLiveLine } from '../render/live-line.js';
import { ExitCode, OpenmcfError } from '../core/errors.js';

export async function main(rawArgv: readonly string[]): Promise<number> {
  // This run's output, with its own redactor: the secrets the run learns are added to it, so an
  // error printed below is masked with every secret known by then, and a second run in the same
  // process starts with none of them.
  const io = processIo();
  if (firstPhaseWanted(rawArgv)) showFirstPhase(io, 'starting');
  // Commander takes one short flag per option: `-V` (kept for scripts written against earlier
  // versions) is read as `-v`.
  const argv = rawArgv.length === 1 && rawArgv[0] === '-V' ? ['-v'] : rawArgv;
  let exitCode: number = ExitCode.ok;
  const program = await buildProgram(argv, io, (code) => {
    exitCode = code;
  });
  program.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // A live line left showing (a command that failed before its progress took over) goes first.
    stopProcessLiveLine();
    return reportError(error, io);
  } finally {
    stopProcessLiveLine();
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with code 0; commander has already printed them.
    if (error.exitCode === 0) return ExitCode.ok;
    return ExitCode.invalidInput;
  }
  if (error instanceof OpenmcfError) {
    io.err(`error: ${error.message}\n`);
    if (error.hint) io.err(`  ${error.hint}\n`);
    return error.exitCode;
  }
  // A bug of ours: say so plainly; the stack only on request, never by default.
  const message = error instanceof Error ? error.message : String(error);
  io.err(`error: internal error: ${message}\n`);
  if (process.env.OPENMCF_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err('  This is a bug in openmcf; rerun with OPENMCF_DEBUG=1 for details and report it.\n');
  return ExitCode.failed;
}
