// The Serverless Containers v1 API's objects as they travel on the wire (snake_case JSON), shaped
// after the real responses recorded in the Terraform provider's cassettes
// (internal/services/container/testdata/*.cassette.yaml). The store keeps exactly these, plus a
// few fields of the simulation's own under `_` keys, which never leave the server.

export type Status = 'ready' | 'creating' | 'updating' | 'deleting' | 'error' | 'locked' | 'locking' | 'upgrading' | 'pending';

export interface ProbeWire {
  failure_threshold: number;
  /** Go duration text as the API prints it: `10s`. */
  interval: string;
  timeout: string;
  tcp?: Record<string, never>;
  http?: { path: string };
}

export interface ScalingOptionWire {
  concurrent_requests_threshold?: number;
  cpu_usage_threshold?: number;
  memory_usage_threshold?: number;
}

/** What the simulation keeps beside an object: when a transition ends and what it ends in. */
export interface Simulation {
  /** Epoch ms at which a transient status (`creating`, `updating`, `deleting`) ends. */
  _settles_at?: number;
  /** The status it ends in (`error` when a status fault fired), with its message. */
  _settles_to?: 'ready' | 'error' | 'gone';
  _settles_message?: string;
  /** How many times the platform (re)deployed a container: create, and each update. */
  _deployments?: number;
}

export interface NamespaceWire extends Simulation {
  id: string;
  name: string;
  organization_id: string;
  project_id: string;
  description: string;
  status: Status;
  error_message?: string;
  environment_variables: Record<string, string>;
  /** name -> argon2id hash; the API never returns a value it was given. */
  secret_environment_variables: Record<string, string>;
  tags: string[];
  created_at: string;
  updated_at: string;
  region: string;
}

export interface ContainerWire extends Simulation {
  id: string;
  name: string;
  namespace_id: string;
  description: string;
  status: Status;
  error_message?: string;
  created_at: string;
  updated_at: string;
  min_scale: number;
  max_scale: number;
  memory_limit_bytes: number;
  mvcpu_limit: number;
  /** `300s` */
  timeout: string;
  privacy: 'public' | 'private';
  image: string;
  protocol: 'http1' | 'h2c';
  port: number;
  https_connections_only: boolean;
  sandbox: 'v1' | 'v2';
  local_storage_limit_bytes: number;
  scaling_option: ScalingOptionWire;
  tags: string[];
  private_network_id?: string;
  command: string[];
  args: string[];
  environment_variables: Record<string, string>;
  public_endpoint: string;
  liveness_probe: ProbeWire;
  startup_probe: ProbeWire | null;
  secret_environment_variables: Record<string, string>;
  region: string;
}

export interface TriggerWire extends Simulation {
  id: string;
  name: string;
  description: string;
  tags: string[];
  status: Status;
  error_message?: string;
  container_id: string;
  destination_config: { http_path: string; http_method: string };
  source_type: 'cron';
  cron_config: { schedule: string; timezone: string; body: string; headers: Record<string, string> };
  created_at: string;
  updated_at: string;
  /** Triggers are regional, but their answers do not say so (recorded). */
  _region: string;
}

export type Kind = 'namespace' | 'container' | 'trigger';

/** A request body as parsed JSON: anything may be missing or of the wrong type. */
export type Body = Record<string, unknown>;

/** An object as the API answers it: the simulation's `_` fields left out. */
export function publicView<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !key.startsWith('_'))) as T;
}
