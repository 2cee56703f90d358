// Where a manifest is deployed: which Pulumi project and stack, on which backend, with which
// credentials. Produced by src/target/, consumed by src/engine/.

export type BackendKind = 'file' | 'cloud' | 'self-managed';

export interface StackTarget {
  /** Pulumi project name (the `pulumi.openmcf.org/project` label). */
  readonly projectName: string;
  /** The stack name as passed to the engine: `organization/<project>/<stack>` on self-managed
   * backends (the organization part must be the literal `organization`), `<org>/<project>/<stack>`
   * on Pulumi Cloud. */
  readonly stackName: string;
  /** `<org>/<project>/<stack>` as the labels say; what the user sees. */
  readonly displayName: string;
  readonly backendUrl: string;
  readonly backendKind: BackendKind;
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
}
