// Whether a stack exists, answered from the state folder itself when the backend is a local
// folder: `pulumi stack select` costs a CLI start per stack (and a failed select plus
// `stack init` for a new one), which adds up when many manifests run at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileBackendFolder } from '../stack/backend.js';
import type { StackTarget } from '../stack/target-types.js';

type StateTarget = Pick<StackTarget, 'backendUrl' | 'backendKind' | 'projectName' | 'stackName'>;

/** `<folder>/.pulumi/stacks/<project>/<stack>` (add `.json` or `.json.gz`) of a `file://` backend;
 * undefined for other backends, where only the engine can read the state. */
export function checkpointBase(target: StateTarget): string | undefined {
  if (target.backendKind !== 'file') return undefined;
  let folder: string;
  try {
    folder = decodeURIComponent(fileBackendFolder(target.backendUrl));
  } catch {
    return undefined;
  }
  const bare = target.stackName.slice(target.stackName.lastIndexOf('/') + 1);
  return join(folder, '.pulumi', 'stacks', target.projectName, bare);
}

/** true / false for `file://` backends (where Pulumi keeps `.pulumi/stacks/<project>/<stack>.json`);
 * undefined when only the engine can tell. */
export function stackExistsInState(target: StateTarget): boolean | undefined {
  const base = checkpointBase(target);
  if (base === undefined) return undefined;
  return existsSync(`${base}.json`) || existsSync(`${base}.json.gz`);
}
