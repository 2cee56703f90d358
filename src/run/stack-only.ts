// A stack named by `--stack org/project/stack` alone, without a manifest: `destroy`, `outputs` and
// `status` need nothing the state does not hold (the resources and their ids, the outputs), so a
// stack whose manifest was renamed or deleted can still be read and removed. Such a stack takes
// the place of a manifest in the run with a stand-in that has no spec: its program declares
// nothing and is never run for an update (only commands that do not run the program allow it), and
// it is reported under `manifest.file: "--stack"` (as `--set` names an override).
import { ExitCode, OpenmcfError } from '../core/errors.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import type { StackTarget } from '../stack/target-types.js';
import { API_VERSION, KIND, type ScalewayServerlessContainerManifest } from '../validation/spec-types.js';
import { parseStackFqdn } from '../stack/stack-target.js';
import type { CloudOptions } from './run-options.js';
import { namesManifests } from './manifest-input.js';

const STAND_INS = new WeakSet<LoadedManifest>();

export const STACK_ONLY_SOURCE = '--stack';

/** True when the run names no manifest and `--stack` names the stack. */
export function namesStackOnly(options: Pick<CloudOptions, 'stack' | 'manifests'>): boolean {
  return options.stack !== undefined && !namesManifests(options.manifests);
}

/** The stand-in for `--stack <fqdn>` (checked here: a malformed name is invalid input); `source`
 * names where the stack came from in reports (`--prune` for the orphans apply destroys). */
export function stackOnlyManifest(fqdn: string, source: string = STACK_ONLY_SOURCE): LoadedManifest {
  const parts = parseStackFqdn(fqdn, source);
  // No spec: nothing may read one from a stand-in (see isStackOnly).
  const manifest = { apiVersion: API_VERSION, kind: KIND, metadata: { name: parts.stack, labels: {} }, spec: {} } as unknown as ScalewayServerlessContainerManifest;
  const loaded: LoadedManifest = { origin: { file: source, line: 0, column: 0, documentIndex: 0 }, manifest, secretValues: [], ignoredFields: [] };
  STAND_INS.add(loaded);
  return loaded;
}

export function isStackOnly(loaded: LoadedManifest): boolean {
  return STAND_INS.has(loaded);
}

/** A stack named by --stack alone that the backend does not have. */
export function stackNotFound(prepared: { readonly target: StackTarget }): OpenmcfError {
  const { target } = prepared;
  const flags = `${target.sandbox ? ' --sandbox' : ''}`;
  return new OpenmcfError(`stack ${target.displayName} does not exist on ${target.backendUrl}`, {
    exitCode: ExitCode.failed,
    code: 'stack-not-found',
    origin: 'user',
    hint: `\`openmcf stacks${flags}\` lists the stacks of this backend (add --backend <url> for another one).`,
  });
}
