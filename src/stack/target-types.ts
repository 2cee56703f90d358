// Where a manifest is deployed: which Pulumi project and stack, on which backend, with which
// credentials. Produced by src/stack/, consumed by src/engine/.
import type { SecretValues } from '../core/secrets.js';

/** `file`: a local `file://` folder; `self-managed`: s3, gs, azblob, postgres (Pulumi's "DIY"
 * backends, whose stack names need the literal organization `organization`); `cloud`: Pulumi Cloud
 * or a self-hosted Pulumi Cloud (http/https), which uses the real organization. */
export type BackendKind = 'file' | 'cloud' | 'self-managed';

/** Where the backend URL came from, in precedence order (sandbox stands alone). */
export type BackendSource = 'flag' | 'env' | 'login' | 'default' | 'sandbox';

export interface BackendChoice {
  readonly url: string;
  readonly kind: BackendKind;
  readonly source: BackendSource;
  /** Human description of the source, e.g. `--backend` or `/home/me/.pulumi/credentials.json`. */
  readonly origin: string;
  /** Credentials taken out of the URL (a PostgreSQL password as PGPASSWORD), for the engine's
   * environment: `url` never holds them, so neither does any file the engine writes. */
  readonly engineEnv?: Readonly<Record<string, string>>;
  /** The backend's credentials (a password in its URL, AWS_* and PGPASSWORD of the environment),
   * for the run to mask in all output. */
  readonly secrets: SecretValues;
}

export interface StackTarget {
  /** Pulumi project name (the `pulumi.openmcf.org/project` label). */
  readonly projectName: string;
  /** The stack name as passed to the engine: `organization/<project>/<stack>` on self-managed
   * backends (the organization part must be the literal `organization`), `<org>/<project>/<stack>`
   * on Pulumi Cloud. */
  readonly stackName: string;
  /** `<org>/<project>/<stack>` as the labels say; what the user sees. */
  readonly displayName: string;
  /** The organization as the labels say (on self-managed backends the engine name uses
   * `organization` instead; this keeps the user's). */
  readonly organization: string;
  /** The bare stack part, e.g. `dev.ScalewayServerlessContainer.order-api`. */
  readonly stack: string;
  /** Without credentials (see BackendChoice.engineEnv): safe to print and to write. */
  readonly backendUrl: string;
  readonly backendKind: BackendKind;
  /** BackendChoice.engineEnv: set on the engine process only. */
  readonly backendEnv?: Readonly<Record<string, string>>;
  /** True when the run uses the simulated cloud and the sandbox backend. */
  readonly sandbox: boolean;
}

export type CredentialSource = 'environment' | 'provider-config' | 'scw-profile' | 'sandbox';

/** Scaleway credentials, already checked for presence and format. */
export interface ScalewayCredentials {
  readonly source: CredentialSource;
  /** Human description of where they came from, e.g. the provider-config path or profile name. */
  readonly origin: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly projectId?: string;
  readonly organizationId?: string;
  readonly region?: string;
  readonly zone?: string;
  /** The secret key (none in the sandbox), for the run to mask in all output. */
  readonly secrets: SecretValues;
}
