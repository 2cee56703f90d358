// The live line at the bottom of a terminal: a spinner and what the run is doing, redrawn in place.
// Written here rather than with a spinner library for two reasons that make the first moments of a
// run visible: it imports nothing (the first frame is drawn before the rest of the CLI and the
// Pulumi SDK load, which take most of a second), and a new text is drawn at once, not at the next
// tick of a timer that cannot fire while a synchronous step (loading the SDK) holds the event loop.
// While it shows, every other write to the terminal (stdout or stderr) clears it first and redraws
// it below, so finished-resource lines and the plan land above the spinner instead of through it.

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;
const ESC = '\u001b[';
const HIDE_CURSOR = `${ESC}?25l`;
const SHOW_CURSOR = `${ESC}?25h`;
/** Terminals that know it draw a frame whole (no flicker); others ignore it. */
const SYNC_START = `${ESC}?2026h`;
const SYNC_END = `${ESC}?2026l`;
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** What the live line needs of a terminal stream (process.stderr, or a fake in tests). */
export interface LiveStream {
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface LiveLineOptions {
  readonly stream: LiveStream;
  /** Streams whose other writes clear the line first (those that share the terminal). */
  readonly sharing?: readonly LiveStream[];
  readonly color: boolean;
}

type Write = LiveStream['write'];

export class LiveLine {
  private text = '';
  private frame = 0;
  /** Lines the last frame took, cleared before the next one. */
  private drawnLines = 0;
  private ticker: NodeJS.Timeout | undefined;
  /** Another writer left a line unfinished (e.g. a question): no redraw until it ends. */
  private partialLine = false;
  private readonly originals = new Map<LiveStream, Write>();
  private writing = false;

  constructor(private readonly options: LiveLineOptions) {}

  /** Shows `text` now (several lines allowed); '' clears the line and stops the spinner. */
  update(text: string): void {
    if (text === '') {
      this.stop();
      return;
    }
    const starting = this.ticker === undefined;
    this.text = text;
    if (starting) this.start();
    this.draw();
  }

  stop(): void {
    if (this.ticker === undefined) return;
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.raw(`${this.clearSequence()}${SHOW_CURSOR}`);
    this.drawnLines = 0;
    this.text = '';
    for (const [stream, write] of this.originals) stream.write = write;
    this.originals.clear();
    process.removeListener('exit', this.restoreCursor);
  }

  /** Whether the line is showing (for tests and the entry point's safety net). */
  get active(): boolean {
    return this.ticker !== undefined;
  }

  private start(): void {
    this.partialLine = false;
    for (const stream of new Set([this.options.stream, ...(this.options.sharing ?? [])])) {
      if (stream.isTTY !== true) continue;
      // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called as original.call(stream, ...)
      const original = stream.write;
      this.originals.set(stream, original);
      stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => this.writeAbove(stream, original, chunk, rest);
    }
    this.raw(HIDE_CURSOR);
    // Should the process end while the line shows (an uncaught error), the cursor comes back.
    process.once('exit', this.restoreCursor);
    this.ticker = setInterval(() => {
      this.frame = (this.frame + 1) % FRAMES.length;
      this.draw();
    }, FRAME_MS);
    this.ticker.unref();
  }

  private readonly restoreCursor = (): void => {
    this.raw(SHOW_CURSOR);
  };

  /** Another write while the line shows: the line is cleared, the text written, the line redrawn. */
  private writeAbove(stream: LiveStream, original: Write, chunk: string | Uint8Array, rest: unknown[]): boolean {
    if (this.writing) return original.call(stream, chunk, ...rest);
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text === '') return original.call(stream, chunk, ...rest);
    this.raw(this.clearSequence());
    this.drawnLines = 0;
    const result = original.call(stream, chunk, ...rest);
    this.partialLine = !/[\n\r]$/.test(text);
    this.draw();
    return result;
  }

  private draw(): void {
    if (this.ticker === undefined || this.partialLine) return;
    const color = this.options.color;
    const spinner = color ? `${ESC}36m${FRAMES[this.frame]}${ESC}39m` : FRAMES[this.frame];
    const content = `${spinner} ${this.text}`;
    this.raw(`${SYNC_START}${this.clearSequence()}${content}${SYNC_END}`);
    this.drawnLines = countLines(content, this.options.stream.columns);
  }

  /** Back to the start of the first line of the last frame, erasing every line of it. */
  private clearSequence(): string {
    if (this.drawnLines === 0) return '';
    return `${ESC}2K${`${ESC}1A${ESC}2K`.repeat(this.drawnLines - 1)}${ESC}1G`;
  }

  private raw(text: string): void {
    if (text === '') return;
    const stream = this.options.stream;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called as write.call(stream, ...)
    const write = this.originals.get(stream) ?? stream.write;
    this.writing = true;
    try {
      write.call(stream, text);
    } finally {
      this.writing = false;
    }
  }
}

/** Terminal lines `content` takes at `columns` (unknown: one per line of text). */
export function countLines(content: string, columns: number | undefined): number {
  return content.split('\n').reduce((sum, line) => {
    const width = [...line.replace(ANSI, '')].length;
    return sum + (columns !== undefined && columns > 0 ? Math.max(1, Math.ceil(width / columns)) : 1);
  }, 0);
}

let shared: LiveLine | undefined;

/**
 * The live line of this process, on stderr; one for the whole run, so the frame drawn at start-up
 * (see showFirstPhase) is the one the progress renderer goes on updating. Undefined without a
 * terminal that knows its width (a terminal of zero columns, as some pseudo-terminals report,
 * cannot be redrawn reliably).
 */
export function processLiveLine(interactive: boolean, color: boolean): LiveLine | undefined {
  const stream = process.stderr;
  if (!interactive || !stream.isTTY || !(stream.columns > 0)) return undefined;
  shared ??= new LiveLine({ stream: stream, sharing: [process.stdout], color });
  return shared;
}

/** Clears the live line if one shows: the entry point's safety net before it prints an error and exits. */
export function stopProcessLiveLine(): void {
  shared?.stop();
}

/** On a terminal, the live line with `text` at once: the first frame of a command whose modules
 * (and then the Pulumi SDK) take a while to load. The progress renderer takes the line over. */
export function showFirstPhase(io: { readonly interactive: boolean; readonly color: boolean }, text: string): void {
  processLiveLine(io.interactive, io.color)?.update(text);
}
