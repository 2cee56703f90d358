// The test's side of a `hold:<Resource>=<name>` fault (src/sandbox/faults.ts): the rule to put in
// OPENMCF_SANDBOX_FAULTS, a wait until a call of the run is being held (the window is open: the run
// holds its stack lock and stops there), and the release that lets the run go on.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { holdFiles } from '../../src/sandbox/fault-gate.js';
import type { FaultOperation, SandboxResource } from '../../src/sandbox/faults.js';
import { waitUntil } from './run-openmcf.js';

export class Hold {
  private readonly files: { readonly held: string; readonly release: string };

  /**
   * `storeDir`: the local API's store ($OPENMCF_HOME/sandbox/api for --sandbox runs). `operation`:
   * hold only those calls (`update`: a run's update waits, its preview's reads pass).
   */
  constructor(
    storeDir: string,
    readonly name: string,
    readonly resource: SandboxResource | '*' = 'Container',
    readonly operation?: FaultOperation,
  ) {
    this.files = holdFiles(storeDir, name);
  }

  /** The fault rule, for OPENMCF_SANDBOX_FAULTS. */
  get rule(): string {
    return `hold:${this.resource}${this.operation ? `@${this.operation}` : ''}=${this.name}`;
  }

  /** OPENMCF_SANDBOX_FAULTS with this rule, for a run's environment. */
  get env(): Record<string, string> {
    return { OPENMCF_SANDBOX_FAULTS: this.rule };
  }

  /** Whether a call is being held (or was, before the release). */
  get held(): boolean {
    return existsSync(this.files.held);
  }

  /** Resolves once a call is held; rejects after `ms`, with `context()` (e.g. the run's stderr) in the message. */
  async waitHeld(ms = 120_000, context: () => string = () => ''): Promise<void> {
    await waitUntil(
      () => this.held,
      ms,
      () => `no call was held by ${this.rule} within ${ms} ms\n${context()}`,
    );
  }

  /** Lets the held call, and every later one, through. */
  release(): void {
    mkdirSync(dirname(this.files.release), { recursive: true });
    writeFileSync(this.files.release, '');
  }
}
