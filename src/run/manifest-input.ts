// Which manifests a run reads, as typed options (cli/flags/manifest-options.ts makes them from the
// flags, once): what the manifest pipeline takes, less what only a load adds (stdin, cwd).
import { invalidInput } from '../core/errors.js';
import type { KustomizeSource } from '../manifest/kustomize.js';
import type { Shard } from '../manifest/shard.js';
import type { ManifestInputOptions } from '../validation/load-manifests.js';

export interface ManifestSelection {
  /** -f/--file and --manifest, in the order given, then the positional paths. */
  readonly files: readonly string[];
  /** `--kustomize-dir <dir> --overlay <name>` (the flags come as a pair). */
  readonly kustomize?: KustomizeSource;
  /** `--set path=value`, in the order given. */
  readonly sets: readonly string[];
  /** `--env-file <file>`. */
  readonly envFile?: string;
  /** `--shard i/n`. */
  readonly shard?: Shard;
}

/** True when the selection names manifests (files or a kustomize overlay). */
export function namesManifests(selection: ManifestSelection): boolean {
  return selection.files.length > 0 || selection.kustomize !== undefined;
}

/** What the manifest pipeline takes; a selection naming no manifest is invalid input when loaded. */
export function manifestInput(selection: ManifestSelection): ManifestInputOptions {
  if (!namesManifests(selection)) {
    throw invalidInput(
      'no manifest given',
      'flag.no-manifest',
      'pass -f/--file <path> (a file, a directory, an http(s):// URL, or - for stdin), or --kustomize-dir <dir> --overlay <name>',
    );
  }
  return {
    files: selection.files,
    ...(selection.kustomize !== undefined ? { kustomize: selection.kustomize } : {}),
    ...(selection.sets.length > 0 ? { sets: selection.sets } : {}),
    ...(selection.envFile !== undefined ? { envFile: selection.envFile } : {}),
    ...(selection.shard !== undefined ? { shard: selection.shard } : {}),
  };
}
