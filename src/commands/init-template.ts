// The starter manifest `openmcf init` writes: every required field filled, the common optional
// ones commented out with their defaults, and a line per field saying what it does.
import type { ScalewayRegion } from '../validation/spec-types.js';

export interface StarterAnswers {
  readonly name: string;
  readonly region: ScalewayRegion | (string & {}); // `& {}`: any text is accepted, and the known regions stay named
  readonly image: ImageReference;
  readonly privacy: 'public' | 'private' | (string & {});
  readonly port: number;
  readonly organization: string;
  readonly project: string;
  /** The first part of the stack name: `<env>.ScalewayServerlessContainer.<name>`. */
  readonly env: string;
}

export interface ImageReference {
  readonly registryEndpoint: string;
  readonly name: string;
  readonly tag: string;
}

/**
 * Splits `registry/name:tag` the way docker does: the tag after the last `:` of the last path
 * part (default `latest`), the image name is the last path part, the rest is the registry endpoint.
 * A reference without a registry host (`nginx`, `acme/api`) is on Docker Hub.
 */
export function parseImageReference(reference: string): ImageReference | { readonly problem: string } {
  const text = reference.trim();
  if (text === '') return { problem: 'the image is empty' };
  if (text.includes('@')) return { problem: 'digests (@sha256:...) are not supported; use a tag, and registrySha256 to force a redeploy' };
  const slash = text.lastIndexOf('/');
  const colon = text.lastIndexOf(':');
  const hasTag = colon > slash;
  const repository = hasTag ? text.slice(0, colon) : text;
  const tag = hasTag ? text.slice(colon + 1) : 'latest';
  const parts = repository.split('/');
  const first = parts[0] ?? '';
  const isRegistryHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const full = isRegistryHost ? parts : ['docker.io', ...(parts.length === 1 ? ['library'] : []), ...parts];
  const name = full[full.length - 1] ?? '';
  if (name === '' || tag === '') return { problem: 'expected <registry>/<name>:<tag>, e.g. rg.fr-par.scw.cloud/my-registry/my-api:v1' };
  return { registryEndpoint: full.slice(0, -1).join('/'), name, tag };
}

/** A YAML scalar for the value: plain when that reads back as the same string, quoted otherwise. */
function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plain = /^[A-Za-z][A-Za-z0-9._/-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

export function stackName(answers: Pick<StarterAnswers, 'env' | 'name'>): string {
  return `${answers.env}.ScalewayServerlessContainer.${answers.name}`;
}

export function renderStarterManifest(answers: StarterAnswers, schemaRef: string): string {
  const s = scalar;
  return `# yaml-language-server: $schema=${schemaRef}
# A Scaleway Serverless Container: a namespace, the container and optional cron triggers.
#   openmcf validate -f <this file>   check it (offline)
#   openmcf preview -f <this file>    see what would change
#   openmcf apply -f <this file>      create or update it
# Every field, its default and its limits: \`openmcf schema\`. Any string value may use \${VAR}
# (or \${VAR:-default}), filled from the environment or --env-file; $\${ writes a literal \${.
apiVersion: scaleway.openmcf.org/v1
kind: ScalewayServerlessContainer
metadata:
  # Names the container and its namespace: lowercase letters, digits and dashes, 1-34 characters.
  name: ${s(answers.name)}
  labels:
    # The Pulumi stack that keeps this container's state: <organization>/<project>/<stack.name>.
    # On a self-managed backend (local files, S3...) the organization part is ignored.
    pulumi.openmcf.org/organization: ${s(answers.organization)}
    pulumi.openmcf.org/project: ${s(answers.project)}
    pulumi.openmcf.org/stack.name: ${s(stackName(answers))}
spec:
  # Where it runs: fr-par (Paris), nl-ams (Amsterdam) or pl-waw (Warsaw).
  region: ${s(answers.region)}
  # The image, <registryEndpoint>/<name>:<tag>, pulled by Scaleway at deploy time (amd64 only).
  image:
    registryEndpoint:
      value: ${s(answers.image.registryEndpoint)}
    name: ${s(answers.image.name)}
    tag: ${s(answers.image.tag)}
  # public: anyone can call the endpoint; private: callers need a token.
  privacy: ${s(answers.privacy)}
  # The port the container listens on. Scaleway reserves 8008, 8012, 8013, 8022, 9090 and 9091.
  port: ${s(answers.port)}
  # Size and scaling per instance; the values shown are the defaults.
  # memoryLimitMb: 256     # memory per instance, MB
  # cpuLimit: 140          # milli-vCPU (1000 = 1 vCPU); unset: proportional to memory
  # minScale: 0            # 0 scales to zero when idle; 1 or more avoids cold starts
  # maxScale: 20
  # timeoutSeconds: 300    # longest request, seconds
  # httpOption: redirected # send plain HTTP to HTTPS (default: enabled, both accepted)
  # Environment. Secrets are encrypted by Scaleway and never printed by openmcf; keep their
  # values out of this file with \${VAR}.
  # env:
  #   variables:
  #     - name: LOG_LEVEL
  #       value: info
  #   secrets:
  #     - name: DATABASE_URL
  #       value: \${DATABASE_URL}
  # Scheduled calls: 5-field cron, in Europe/Paris time (the platform's); args is a JSON object, written as a string.
  # cronTriggers:
  #   - name: nightly
  #     schedule: "0 2 * * *"
  #     args: '{"task": "report"}'
`;
}
