// The live line on a terminal, drawn by ora. ora intercepts other writes to stderr while it
// spins, so finished-resource lines land above the spinner instead of through it.
import ora, { type Ora } from 'ora';
import type { Io } from './io.js';
import { escapeForTerminal } from './terminal-text.js';
import type { ProgressOptions, StatusLine } from './progress.js';

/** A live line when stderr is a terminal that knows its width; none otherwise (a terminal of
 * zero columns, as some pseudo-terminals report, would make the spinner's line count infinite). */
export function liveStatusLine(io: Io, stream: NodeJS.WriteStream = process.stderr): StatusLine | undefined {
  if (!io.interactive || !stream.isTTY || !(stream.columns > 0)) return undefined;
  return spinnerStatusLine(io);
}

/** `{ statusLine }` for ProgressRenderer's options when a live line can be drawn, else `{}`. */
export function liveStatusOption(io: Io): { statusLine?: StatusLine } {
  const statusLine = liveStatusLine(io);
  return statusLine ? { statusLine } : {};
}

/** ProgressRenderer options for this process: the live line and the width on a terminal, the
 * interval of "still ..." lines without one. */
export function progressOptions(io: Io, heartbeatMs: number, extra: Pick<ProgressOptions, 'showProperties'> = {}): ProgressOptions {
  return { ...extra, ...liveStatusOption(io), heartbeatMs, columns: () => (process.stderr.isTTY && process.stderr.columns > 0 ? process.stderr.columns : undefined) };
}

export function spinnerStatusLine(io: Io): StatusLine {
  let spinner: Ora | undefined;
  return {
    update(raw: string): void {
      // ora writes to the terminal itself, past Io: the same escaping (resource and trigger names).
      const text = escapeForTerminal(raw);
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
