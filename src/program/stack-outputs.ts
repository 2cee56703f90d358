// What the inline program exports as stack outputs. Names are part of the CLI's contract
// (`outputs --json`, the apply result document).
export interface ContainerStackOutputs {
  readonly containerId: string;
  readonly namespaceId: string;
  readonly domainName: string;
  /** `https://` + domainName. */
  readonly url: string;
  /** The platform's container status after the update: `ready`, `error`, ... */
  readonly status: string;
  /** The platform's message when status is `error`. */
  readonly errorMessage: string;
}
