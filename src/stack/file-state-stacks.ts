// The stacks a `file://` backend's folder holds, read as the engine lays them out
// (`.pulumi/stacks/<project>/<stack>.json`, gzipped as `.json.gz`), without starting the engine.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface FileStateStack {
  readonly project: string;
  readonly stack: string;
}

/** The stacks under `stateDir` (the backend's folder), project by project; none when it holds no state yet. */
export function fileStateStacks(stateDir: string): FileStateStack[] {
  const root = join(stateDir, '.pulumi', 'stacks');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((project) => project.isDirectory())
    .flatMap((project) =>
      readdirSync(join(root, project.name))
        .filter((file) => /\.json(\.gz)?$/.test(file))
        .map((file) => ({ project: project.name, stack: file.replace(/\.json(\.gz)?$/, '') })),
    );
}
