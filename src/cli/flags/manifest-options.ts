// The manifest flags every reading command shares (declared in manifest-flags.ts), turned once
// into the typed selection the commands and the run take (run/manifest-input.ts).
import { invalidInput } from '../../core/errors.js';
import { parseShard } from '../../manifest/shard.js';
import type { ManifestSelection } from '../../run/manifest-input.js';

/** The manifest flags as commander hands them over. */
export interface ManifestFlags {
  /** -f/--file and --manifest, in the order given. */
  readonly file?: string[];
  readonly set?: string[];
  readonly envFile?: string;
  readonly json?: boolean;
  readonly kustomizeDir?: string;
  readonly overlay?: string;
  readonly shard?: string;
}

/** The selection the flags name; positional paths (`openmcf validate my-api.yaml`) come after -f's. */
export function manifestSelectionFromFlags(flags: ManifestFlags, positional: readonly string[] = []): ManifestSelection {
  if ((flags.kustomizeDir === undefined) !== (flags.overlay === undefined)) {
    throw invalidInput(
      flags.overlay === undefined ? '--kustomize-dir needs --overlay <name>' : '--overlay needs --kustomize-dir <dir>',
      'flag.kustomize',
      'e.g. --kustomize-dir deploy --overlay prod builds deploy/overlays/prod',
    );
  }
  const shard = parseShard(flags.shard);
  return {
    files: [...(flags.file ?? []), ...positional],
    ...(flags.kustomizeDir !== undefined && flags.overlay !== undefined ? { kustomize: { dir: flags.kustomizeDir, overlay: flags.overlay } } : {}),
    sets: flags.set ?? [],
    ...(flags.envFile ? { envFile: flags.envFile } : {}),
    ...(shard !== undefined ? { shard } : {}),
  };
}
