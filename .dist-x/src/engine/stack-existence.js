// Whether a stack exists, answered from the state folder itself when the backend is a local
// folder: `pulumi stack select` costs a CLI start per stack (and a failed select plus
// `stack init` for a new one), which adds up when many manifests run at once.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileBackendFolder } from '../target/backend.js';
/** true / false for `file://` backends (where Pulumi keeps `.pulumi/stacks/<project>/<stack>.json`);
 * undefined when only the engine can tell. */
export function stackExistsInState(target) {
    if (target.backendKind !== 'file')
        return undefined;
    let folder;
    try {
        folder = decodeURIComponent(fileBackendFolder(target.backendUrl));
    }
    catch {
        return undefined;
    }
    const bare = target.stackName.slice(target.stackName.lastIndexOf('/') + 1);
    const stacks = join(folder, '.pulumi', 'stacks', target.projectName);
    return existsSync(join(stacks, `${bare}.json`)) || existsSync(join(stacks, `${bare}.json.gz`));
}
