// One question on the terminal (stderr), one line of answer (stdin). The two ways out that are not
// an answer are told apart: Ctrl-C is an interruption (exit 130), Ctrl-D (end of input) is no
// answer, which every caller treats as "no". Neither is an internal error.
import { createInterface, type Interface } from 'node:readline';
import { ExitCode, OpenmcfError } from '../core/errors.js';

export type PromptAnswer = { readonly kind: 'answer'; readonly text: string } | { readonly kind: 'end-of-input' };

/** Raised for Ctrl-C at a prompt; `what` says what was not done, e.g. "nothing was changed". */
export function interruptedAtPrompt(what: string): OpenmcfError {
  return new OpenmcfError(`interrupted at the prompt; ${what}`, { exitCode: ExitCode.interrupted, code: 'interrupted', origin: 'user' });
}

/** A prompt session: several questions share one readline (init asks a few in a row). */
export class TerminalPrompt {
  private readonly rl: Interface;
  private closed = false;
  private pending: ((answer: PromptAnswer | 'interrupted') => void) | undefined;

  constructor(
    input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stderr,
  ) {
    this.rl = createInterface({ input, output, terminal: true });
    this.rl.on('line', (line) => this.settle({ kind: 'answer', text: line }));
    this.rl.on('SIGINT', () => this.settle('interrupted'));
    this.rl.on('close', () => {
      this.closed = true;
      this.settle({ kind: 'end-of-input' });
    });
  }

  /** Asks and waits for a line. Ctrl-C throws `interruptedAtPrompt(onInterrupt)`. */
  async ask(question: string, onInterrupt: string): Promise<PromptAnswer> {
    if (this.closed) return { kind: 'end-of-input' };
    const answer = await new Promise<PromptAnswer | 'interrupted'>((resolve) => {
      this.pending = resolve;
      this.rl.setPrompt(question);
      this.rl.prompt();
    });
    if (answer === 'interrupted') {
      this.output.write('\n');
      throw interruptedAtPrompt(onInterrupt);
    }
    // Ctrl-D leaves the cursor after the question: end the line so the next message starts clean.
    if (answer.kind === 'end-of-input') this.output.write('\n');
    return answer;
  }

  close(): void {
    this.pending = undefined;
    if (!this.closed) this.rl.close();
  }

  private settle(answer: PromptAnswer | 'interrupted'): void {
    const resolve = this.pending;
    this.pending = undefined;
    resolve?.(answer);
  }
}

/** Asks one question in a prompt session of its own. */
export async function askOnce(question: string, onInterrupt: string): Promise<PromptAnswer> {
  const prompt = new TerminalPrompt();
  try {
    return await prompt.ask(question, onInterrupt);
  } finally {
    prompt.close();
  }
}
