// The live line on a terminal, drawn by ora. ora intercepts other writes to stderr while it
// spins, so finished-resource lines land above the spinner instead of through it.
import ora, { type Ora } from 'ora';
import type { Io } from './io.js';
import type { StatusLine } from './progress.js';

export function spinnerStatusLine(io: Io): StatusLine {
  let spinner: Ora | undefined;
  return {
    update(text: string): void {
      if (text === '') {
        spinner?.stop();
        spinner = undefined;
        return;
      }
      if (!spinner) {
        // discardStdin would put the terminal in raw mode and re-send Ctrl-C itself; the commands
        // handle Ctrl-C on their own.
        spinner = ora({ stream: process.stderr, discardStdin: false, color: io.color ? 'cyan' : false, isEnabled: true, text });
        spinner.start();
      } else {
        spinner.text = text;
      }
    },
    stop(): void {
      spinner?.stop();
      spinner = undefined;
    },
  };
}
