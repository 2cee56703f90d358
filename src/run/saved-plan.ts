// The file `preview --save-plan` writes and `apply --plan` reads: one document for the whole run.
// For each stack it holds the engine's own update plan (what `pulumi preview --save-plan` writes:
// the planned steps and goal inputs, secrets encrypted by the stack's secrets provider exactly as in
// the state), and what that plan was computed from, so that apply can refuse a plan that no longer
// holds: a digest of the manifest as it was used (after ${VAR}, --env-file and --set) and of its
// file, and a fingerprint of the stack's state. Secret values never enter the file in plain text:
// the digests take them through a salted scrypt hash, and a --set flag on a secret path is kept as
// "given, not stored" (apply then needs it again).
import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { invalidInput } from '../core/errors.js';
import type { ChangeCounts } from '../engine/events.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import { parseOverrides } from '../manifest/overrides.js';
import { CLI_VERSION, PULUMI_ENGINE_VERSION } from '../core/version.js';

export const PLAN_API_VERSION = 'openmcf.org/plan/v1';

/** A `--set` flag as the plan keeps it: the text, or (on a path that may hold a secret) nothing. */
export type SavedSetFlag = { readonly flag: string } | { readonly secret: true };

/** What the run was given, to read the same manifests again at apply. */
export interface SavedInputs {
  readonly files: readonly string[];
  readonly kustomizeDir?: string;
  readonly overlay?: string;
  readonly set: readonly SavedSetFlag[];
  readonly envFile?: string;
  readonly stack?: string;
  readonly target: readonly string[];
  readonly replace: readonly string[];
  readonly redeploy: boolean;
}

export interface SavedStackPlan {
  readonly manifest: { readonly file: string; readonly document: number; readonly name: string };
  readonly stack: string;
  readonly engineStack: string;
  /** The manifest as it was used (defaults filled, inputs applied), secrets salted-hashed. */
  readonly manifestDigest: string;
  /** The file's bytes (secrets and all) through the same salted hash; absent for stdin and URLs. */
  readonly sourceDigest?: string;
  /** engine/stack-state.ts stateFingerprint of the state the plan was computed against. */
  readonly stateFingerprint: string;
  readonly changes: ChangeCounts;
  /** The engine's plan file (apitype.DeploymentPlanV1), as the engine wrote it. */
  readonly enginePlan: unknown;
  /** A stack that did not exist yet: its settings as the preview created them (the secrets
   * provider's salt or wrapped data key, no secret), which the plan's ciphertexts need. */
  readonly stackSettings?: Record<string, unknown>;
}

export interface SavedPlan {
  readonly apiVersion: typeof PLAN_API_VERSION;
  readonly createdAt: string;
  readonly openmcfVersion: string;
  readonly engineVersion: string;
  readonly sandbox: boolean;
  /** Random, per plan: the salt of every digest in it. */
  readonly salt: string;
  readonly inputs: SavedInputs;
  readonly stacks: readonly SavedStackPlan[];
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A salted, deliberately slow digest (scrypt), so that a plan file, which CI keeps as an artifact,
 * does not let anyone test guesses of a secret against it at the speed of sha256.
 */
function saltedDigest(salt: string, value: string | Buffer): string {
  return scryptSync(value, Buffer.from(salt, 'hex'), 32, { N: 1 << 14, r: 8, p: 1 }).toString('hex');
}

/** The manifest as used, secret values replaced by their salted digests, as one digest. */
export function manifestDigest(loaded: LoadedManifest, salt: string): string {
  const { manifest } = loaded;
  const secrets = manifest.spec.env.secrets.map((s) => ({ ...s, value: saltedDigest(salt, s.value) }));
  const visible = { ...manifest, spec: { ...manifest.spec, env: { ...manifest.spec.env, secrets } } };
  return createHash('sha256').update(canonicalJson(visible)).digest('hex');
}

/** The file's bytes, for "this file changed" as opposed to "the inputs changed"; undefined for
 * standard input, URLs and kustomize output (nothing to read again by that name). */
export function sourceDigest(file: string, salt: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    return saltedDigest(salt, readFileSync(file));
  } catch {
    return undefined;
  }
}

/** The `--set` flags to keep: those on a path that may hold a secret are kept as given, not stored. */
export function savedSetFlags(sets: readonly string[]): SavedSetFlag[] {
  return sets.map((text) => {
    let secret = false;
    parseOverrides([text], { onSecret: () => (secret = true) });
    return secret ? { secret: true as const } : { flag: text };
  });
}

export function parseSavedPlan(text: string, path: string): SavedPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalidInput(`${path} is not a plan file: ${(error as Error).message}`, 'plan-invalid', 'write one with `openmcf preview -f <path> --save-plan <file>`');
  }
  const plan = value as Partial<SavedPlan> | null;
  if (
    plan === null ||
    typeof plan !== 'object' ||
    plan.apiVersion !== PLAN_API_VERSION ||
    !Array.isArray(plan.stacks) ||
    typeof plan.salt !== 'string' ||
    typeof plan.inputs !== 'object'
  ) {
    throw invalidInput(
      `${path} is not a plan file of this openmcf (expected apiVersion ${PLAN_API_VERSION})`,
      'plan-invalid',
      'write one with `openmcf preview -f <path> --save-plan <file>`',
    );
  }
  if (plan.engineVersion !== PULUMI_ENGINE_VERSION) {
    throw invalidInput(
      `${path} was saved with engine v${String(plan.engineVersion)}; this openmcf runs v${PULUMI_ENGINE_VERSION}`,
      'plan-invalid',
      'save the plan again with this openmcf: `openmcf preview ... --save-plan <file>`',
    );
  }
  return plan as SavedPlan;
}

export function newSavedPlan(fields: Omit<SavedPlan, 'apiVersion' | 'createdAt' | 'openmcfVersion' | 'engineVersion'>): SavedPlan {
  return { apiVersion: PLAN_API_VERSION, createdAt: new Date().toISOString(), openmcfVersion: CLI_VERSION, engineVersion: PULUMI_ENGINE_VERSION, ...fields };
}

/** JSON with object keys sorted, so that equal values give equal digests. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
