// `preview --save-plan <file>`: each stack's preview has the engine write its update plan to a
// file of a private temporary folder; once every stack is previewed, those plans and what they were
// computed from go into the one file the user named (see saved-plan.ts). A run with a failed
// stack writes no plan: a plan must cover every manifest it names.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invalidInput } from '../core/errors.js';
import type { StackSettings } from '@pulumi/pulumi/automation/index.js';
import type { CloudOptions } from './run-options.js';
import type { StackOutcome } from './outcome.js';
import { manifestDigest, newSalt, newSavedPlan, savedSetFlags, sourceDigest, type SavedStackPlan } from './saved-plan.js';

/** Flags a saved plan cannot be made with: what apply could not do again the same way. */
export function checkSavePlanFlags(cloud: CloudOptions): void {
  if (cloud.manifests.files.includes('-')) {
    throw invalidInput(
      '--save-plan cannot read manifests from standard input (-): apply --plan reads the same manifests again',
      'flag.save-plan',
      'save the manifests to files and pass them with -f',
    );
  }
  if (cloud.manifests.shard !== undefined) {
    throw invalidInput('--save-plan cannot be used with --shard', 'flag.save-plan', "save one plan per runner without --shard, naming each runner's manifests with -f");
  }
}

export class EnginePlanFiles {
  private readonly dir = mkdtempSync(join(tmpdir(), 'openmcf-plan-'));
  private readonly settings = new Map<number, StackSettings>();

  /** A stack created for the preview: the settings its plan's secrets need (see StackSession). */
  keepSettings(index: number, settings: StackSettings | undefined): void {
    if (settings !== undefined) this.settings.set(index, settings);
  }

  settingsOf(index: number): StackSettings | undefined {
    return this.settings.get(index);
  }

  /** Where the engine writes (or reads) the plan of the stack at this index of the run. */
  fileFor(index: number): string {
    return join(this.dir, `stack-${index}.json`);
  }

  read(index: number): unknown {
    return JSON.parse(readFileSync(this.fileFor(index), 'utf8'));
  }

  write(index: number, enginePlan: unknown): string {
    const file = this.fileFor(index);
    writeFileSync(file, JSON.stringify(enginePlan), { mode: 0o600 });
    return file;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Writes the plan of the run; false (nothing written) when a stack failed. */
export function writeSavedPlan(path: string, cloud: CloudOptions, outcomes: readonly StackOutcome[], files: EnginePlanFiles): boolean {
  if (outcomes.some((o) => o.status === 'failed' || o.status === 'cancelled' || o.stateFingerprint === undefined)) return false;
  const salt = newSalt();
  const { manifests } = cloud;
  const stacks = outcomes.map((outcome, index): SavedStackPlan => {
    const { loaded, target } = outcome.prepared;
    const source = sourceDigest(loaded.origin.file, salt);
    return {
      manifest: { file: loaded.origin.file, document: loaded.origin.documentIndex, name: loaded.manifest.metadata.name },
      stack: target.displayName,
      engineStack: target.stackName,
      manifestDigest: manifestDigest(loaded, salt),
      ...(source !== undefined ? { sourceDigest: source } : {}),
      stateFingerprint: outcome.stateFingerprint!,
      changes: outcome.counts,
      enginePlan: files.read(index),
      ...(files.settingsOf(index) !== undefined ? { stackSettings: { ...files.settingsOf(index) } } : {}),
    };
  });
  const plan = newSavedPlan({
    sandbox: cloud.sandbox,
    salt,
    inputs: {
      files: [...manifests.files],
      ...(manifests.kustomize !== undefined ? { kustomizeDir: manifests.kustomize.dir, overlay: manifests.kustomize.overlay } : {}),
      set: savedSetFlags(manifests.sets),
      ...(manifests.envFile !== undefined ? { envFile: manifests.envFile } : {}),
      ...(cloud.stack !== undefined ? { stack: cloud.stack } : {}),
      target: cloud.target,
      replace: cloud.replace,
      redeploy: cloud.redeploy,
    },
    stacks,
  });
  writeFileSync(path, `${JSON.stringify(plan, null, 2)}\n`, { mode: 0o600 });
  return true;
}
