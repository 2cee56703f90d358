// The manifest flags every reading command shares, turned into what the manifest pipeline takes.
import { invalidInput } from '../core/errors.js';
import { parseShard } from '../manifest/shard.js';
import type { ManifestInputOptions } from '../validation/load-manifests.js';

export interface ManifestFlags {
  /** -f/--file and --manifest, in the order given (positional paths appended by the command). */
  readonly file?: string[];
  readonly set?: string[];
  readonly envFile?: string;
  readonly json?: boolean;
  readonly kustomizeDir?: string;
  readonly overlay?: string;
  readonly shard?: string;
}

/** The flags with positional manifest paths (`openmcf validate my-api.yaml`) added after -f's. */
export function withPositionalFiles<T extends ManifestFlags>(flags: T, paths: readonly string[]): T {
  return paths.length === 0 ? flags : { ...flags, file: [...(flags.file ?? []), ...paths] };
}

/** Normalises the shared manifest flags once, into what the manifest pipeline takes. */
export function manifestInputFromFlags(flags: ManifestFlags): ManifestInputOptions {
  const files = flags.file ?? [];
  if ((flags.kustomizeDir === undefined) !== (flags.overlay === undefined)) {
    throw invalidInput(
      flags.overlay === undefined ? '--kustomize-dir needs --overlay <name>' : '--overlay needs --kustomize-dir <dir>',
      'flag.kustomize',
      'e.g. --kustomize-dir deploy --overlay prod builds deploy/overlays/prod',
    );
  }
  if (files.length === 0 && flags.kustomizeDir === undefined) {
    throw invalidInput(
      'no manifest given',
      'flag.no-manifest',
      'pass -f/--file <path> (a file, a directory, an http(s):// URL, or - for stdin), or --kustomize-dir <dir> --overlay <name>',
    );
  }
  return {
    files,
    ...(flags.kustomizeDir !== undefined && flags.overlay !== undefined ? { kustomize: { dir: flags.kustomizeDir, overlay: flags.overlay } } : {}),
    ...(flags.set ? { sets: flags.set } : {}),
    ...(flags.envFile ? { envFile: flags.envFile } : {}),
    ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
  };
}
