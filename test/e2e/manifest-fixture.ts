// A valid manifest for the CLI tests of --set, substitution and annotations, written to a fresh
// folder so each test owns its files. Line numbers matter: tests assert positions in it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run-openmcf.js';

export const APP_YAML = `apiVersion: scaleway.openmcf.org/v1
kind: ScalewayServerlessContainer
metadata:
  name: my-api
  labels:
    pulumi.openmcf.org/organization: my-org
    pulumi.openmcf.org/project: my-project
    pulumi.openmcf.org/stack.name: dev.ScalewayServerlessContainer.my-api
spec:
  region: fr-par
  image:
    registryEndpoint:
      value: rg.fr-par.scw.cloud/my-registry
    name: my-api
    tag: latest
  privacy: public
  port: 8080
`;

/** Writes files into a new folder; returns the folder. */
export function workspace(files: Readonly<Record<string, string>>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The `load --json` document's first manifest. */
export function firstManifest(stdout: string): { metadata: { labels: Record<string, string> }; spec: Record<string, unknown> } {
  const document = JSON.parse(stdout) as { manifests: { manifest: { metadata: { labels: Record<string, string> }; spec: Record<string, unknown> } }[] };
  const first = document.manifests[0];
  if (!first) throw new Error(`no manifest in ${stdout}`);
  return first.manifest;
}
