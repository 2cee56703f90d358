// The flags that run a stack (or the whole run) again, for every message that suggests a command
// (`openmcf apply <args> again`, `openmcf cancel <args> --yes`, ...): one place, built from the
// run's options, so a suggestion keeps every flag that chose the stack (-f or the kustomize
// overlay, --set, --env-file, --sandbox, --backend, -p, --stack).
import { kustomizeSourceName } from '../manifest/kustomize.js';
import type { SecretValues } from '../core/secrets.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import type { CloudOptions } from './run-options.js';
import { isStackOnly } from './stack-only.js';

export interface RerunSubject {
  /** The manifest the suggestion is about; without one, every manifest of the run. */
  readonly loaded?: LoadedManifest;
  /** A stack named alone instead (an orphan: `destroy --stack <it>`), in place of the run's --stack. */
  readonly stack?: string;
  /** The backend URL as the engine was given it, without its password (PGPASSWORD carries that);
   * by default the --backend flag's. */
  readonly backendUrl?: string;
}

/** The run's secrets (io.redactor.known): they tell a --set holding one, which is printed as a
 * variable to fill instead. */
export type RerunSecrets = SecretValues;

/**
 * The flags that name the subject again. Every one must run as printed: no secret is in them, and
 * no placeholder for one (`[secret]` is refused as a value). A --set holding a secret names a
 * variable to fill it from. --shard is left out: the suggestion names its manifest, or (the whole
 * run) is for a command that refuses --shard.
 */
export function rerunArgs(options: CloudOptions, secrets: RerunSecrets, subject: RerunSubject = {}): string {
  const { manifests } = options;
  const { loaded } = subject;
  // A stack named alone is named first, where a manifest would be.
  const alone = subject.stack ?? (loaded !== undefined && isStackOnly(loaded) ? options.stack : undefined);
  const parts: string[] = alone !== undefined ? ['--stack', quote(alone)] : [];
  if (subject.stack === undefined) {
    if (loaded === undefined) {
      for (const file of manifests.files) parts.push('-f', quote(file));
      if (manifests.kustomize !== undefined) parts.push('--kustomize-dir', quote(manifests.kustomize.dir), '--overlay', quote(manifests.kustomize.overlay));
    } else if (!isStackOnly(loaded)) {
      const kustomize = manifests.kustomize;
      if (kustomize !== undefined && loaded.origin.file === kustomizeSourceName(kustomize))
        parts.push('--kustomize-dir', quote(kustomize.dir), '--overlay', quote(kustomize.overlay));
      else parts.push('-f', quote(loaded.origin.file === '<stdin>' ? '-' : loaded.origin.file));
    }
    for (const set of manifests.sets) parts.push('--set', secrets.mask(set) === set ? quote(set) : secretSet(set, loaded, secrets));
    if (manifests.envFile !== undefined) parts.push('--env-file', quote(manifests.envFile));
  }
  if (options.sandbox) parts.push('--sandbox');
  if (options.backend !== undefined) parts.push('--backend', quote(subject.backendUrl ?? options.backend));
  if (options.providerConfig !== undefined) parts.push('-p', quote(options.providerConfig));
  if (alone === undefined && options.stack !== undefined) parts.push('--stack', quote(options.stack));
  return parts.join(' ');
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** `--set "spec.env.secrets[0].value=$DATABASE_URL"`: the secret's own name as the variable (any
 * other path holding a secret: $SECRET_VALUE), for the user to export before pasting. */
function secretSet(set: string, loaded: LoadedManifest | undefined, secrets: SecretValues): string {
  const path = set.slice(0, Math.max(0, set.indexOf('=')));
  const index = /^spec\.env\.secrets\[(\d+)\]\.value$/.exec(path)?.[1];
  const name = index === undefined || loaded === undefined || isStackOnly(loaded) ? undefined : loaded.manifest.spec.env?.secrets?.[Number(index)]?.name;
  const variable = name !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : 'SECRET_VALUE';
  return secrets.mask(path) === path && path !== '' ? `"${path}=$${variable}"` : `"<path>=$${variable}"`;
}
