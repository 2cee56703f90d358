// The live line on a terminal (live-line.ts) as the progress renderer's StatusLine, and the
// renderer's options for this process.
import { resultWriter, type Io } from '../core/io.js';
import { processLiveLine } from './live-line.js';
import { escapeForTerminal } from '../core/terminal-text.js';
import type { ProgressOptions, StatusLine } from './progress.js';

/** The process's live line when stderr is a terminal that knows its width; none otherwise. */
export function liveStatusLine(io: Io): StatusLine | undefined {
  const line = processLiveLine(io.interactive, io.color);
  if (line === undefined) return undefined;
  // The live line writes to the terminal past Io: the same escaping (resource and trigger names).
  return { update: (text) => line.update(escapeForTerminal(text)), stop: () => line.stop() };
}

/** `{ statusLine }` for ProgressRenderer's options when a live line can be drawn, else `{}`. */
export function liveStatusOption(io: Io): { statusLine?: StatusLine } {
  const statusLine = liveStatusLine(io);
  return statusLine ? { statusLine } : {};
}

/** ProgressRenderer options for this process: the live line and the width on a terminal, the
 * interval of "still ..." lines without one, and where results go (stdout unless `json`). */
export function progressOptions(io: Io, heartbeatMs: number, extra: Pick<ProgressOptions, 'showProperties'> & { readonly json?: boolean } = {}): ProgressOptions {
  const { json = false, ...rest } = extra;
  return {
    ...rest,
    ...liveStatusOption(io),
    heartbeatMs,
    results: resultWriter(io, json),
    columns: () => (process.stderr.isTTY && process.stderr.columns > 0 ? process.stderr.columns : undefined),
  };
}
