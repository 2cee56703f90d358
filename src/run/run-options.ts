// The options of the commands that touch stacks, made once from the flags by the command line
// (src/cli/flags/cloud-options.ts). Every field is read-only; defaults are documented where they apply.
import type { ManifestSelection } from './manifest-input.js';

export interface CloudOptions {
  /** The manifests of the run (-f, --kustomize-dir/--overlay, --set, --env-file, --shard). */
  readonly manifests: ManifestSelection;
  readonly json: boolean;
  /** Simulated cloud; its state in the sandbox folder unless `--backend` names a backend. */
  readonly sandbox: boolean;
  /** `--backend <url>`. */
  readonly backend?: string;
  /** `-p/--provider-config <file>`. */
  readonly providerConfig?: string;
  /** `--stack <org/project/stack>`, only with a single manifest. */
  readonly stack?: string;
  /** Confirmation pre-answered. @default false */
  readonly yes: boolean;
  /** At most this many stacks at once. @default 4 */
  readonly parallel: number;
  /** Refresh the state from the cloud first. @default false */
  readonly refresh: boolean;
  /** URNs or URN globs; passed to the engine. */
  readonly target: readonly string[];
  readonly replace: readonly string[];
  /** preview: exit 2 when there are changes. */
  readonly detailedExitcode: boolean;
  /** outputs: show secret values. */
  readonly showSecrets: boolean;
  /** refresh: forget creates left pending by an interrupted run. */
  readonly clearPendingCreates: boolean;
  /** destroy: remove the stack afterwards. */
  readonly remove: boolean;
  /** Without a terminal, "still ..." lines this often (OPENMCF_PROGRESS_INTERVAL, seconds); 0: none. */
  readonly progressIntervalMs: number;
  /** `--lock-wait`: wait this long for a stack another run holds. @default 0 (exit 4 at once) */
  readonly lockWaitMs: number;
  /** apply: destroy the orphaned stacks of the manifests' projects afterwards (see prune.ts). */
  readonly prune: boolean;
  /** `--redeploy`: deploy the same image reference again (program/redeploy.ts). @default false */
  readonly redeploy: boolean;
  /** preview `--save-plan <file>`: where the plan of the run is written. */
  readonly savePlan?: string;
  /** apply `--plan <file>`: the saved plan to apply (apply-plan.ts). */
  readonly plan?: string;
  /** apply `--skip-preview` (with --yes): update at once, without previewing first. @default false */
  readonly skipPreview: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const DEFAULT_PARALLEL = 4;
