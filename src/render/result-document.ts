// The machine-readable result of a cloud command (`--json`): one document on stdout, human text on
// stderr. The shape is versioned; fields are only ever added within a version.
//
// {
//   "apiVersion": "openmcf.org/result/v1",
//   "command": "apply" | "preview" | "destroy" | "refresh" | "outputs" | "cancel",
//   "exitCode": 0,                     // what the process exits with
//   "sandbox": true,                   // the run used the simulated cloud
//   "summary": { "create": 3, "update": 0, "replace": 0, "delete": 0, "same": 0 },  // all stacks
//   "results": [                       // one per manifest document, in input order
//     {
//       "manifest": { "file": "my-api.yaml", "document": 0, "name": "my-api" },
//       "stack": "my-org/my-project/dev.ScalewayServerlessContainer.my-api",  // as the labels say
//       "engineStack": "organization/my-project/dev.ScalewayServerlessContainer.my-api",
//       "backend": "file:///home/me/.openmcf/sandbox/state",
//       "sandbox": true,
//       "status": "succeeded" | "unchanged" | "changes-pending" | "failed" | "cancelled" | "declined",
//       "changes": { "create": 3, "update": 0, "replace": 0, "delete": 0, "same": 0 },
//       "resources": [                 // the changes planned (preview) or made, without unchanged ones
//         { "type": "scaleway:containers/container:Container", "name": "container", "change": "update",
//           // as the engine reports them: provider arguments
//           "properties": [ { "path": "image", "kind": "update", "replaces": false,
//                             "old": "...", "new": "..." } ],
//           // the same in the manifest's terms: one entry per field, map entries one by one;
//           // "providerPath" when the argument's name differs; a secret has "secret": true and
//           // never a value
//           "manifestChanges": [ { "path": "spec.image.tag", "providerPath": "image", "kind": "update",
//                                  "replaces": false, "old": "v1", "new": "v2", "secret": false } ] }
//                                    // a replacement of a fixed-name resource adds "deleteFirst": true
//       ],
//       // preview, apply, refresh: what changed outside openmcf, found by the refresh that runs first
//       // (by default; not with --no-refresh): the resource as the cloud has it now, `change`
//       // "update" (properties changed: `old` is the state's value, `new` the cloud's) or "delete"
//       // (gone: the plan creates it again)
//       "drift": [ { "type": "...", "name": "container", "change": "update", "properties": [...],
//                    "manifestChanges": [ { "path": "spec.maxScale", "old": 20, "new": 3, ... } ] } ],
//       // A value only known after the update (a new id, a new domain name) is {"unknown": true}
//       // wherever it appears in "old", "new" or "outputs".
//       "outputs": { "containerId": "...", "namespaceId": "...", "domainName": "...", "url": "...",
//                    "status": "ready", "errorMessage": "" },   // apply, outputs; secrets "[secret]"
//       "statusAsOf": "2026-12-07T02:55:01.000Z",  // outputs: when the state was last written; the
//                                      // status output is as of then (`openmcf status`: the live one)
//       "outputChanges": [ { "name": "url", "old": "https://...", "new": {"unknown": true} } ],
//                                      // apply, preview: outputs of an existing stack that changed
//                                      // (or may: unknown until applied); `old` absent for a new
//                                      // output, `new` absent for a removed one
//       "cronSchedules": [ { "name": "hourly-sync", "schedule": "0 * * * *",     // preview
//                            "timeZone": "Europe/Paris",     // what the schedule is read in
//                            "nextRuns": ["2026-01-01T03:00:00.000Z", "..."] } ],  // instants, UTC
//       "notices": ["created by the original OpenMCF CLI: ..."],   // preview; only when there are any
//       "durationMs": 5321,
//       "error": { "code": "container-error", "message": "...", "hint": "...", "exitCode": 1,
//                  "lockHolders": [ { "user", "host", "pid", "since", "stale" } ] }   // stack-locked only
//     }
//   ],
//   "shard": { "index": 2, "count": 4, "documents": 3, "totalDocuments": 10 },  // only with --shard
//   "orphans": [ { "stack": "organization/my-project/dev.ScalewayServerlessContainer.old-api",
//                  "project": "my-project", "name": "dev.ScalewayServerlessContainer.old-api" } ],
//                                    // preview of a folder: stacks of its projects and environments
//                                    // that no manifest names (`apply --prune` destroys them)
//   "error": { "code": "...", "message": "...", "exitCode": 3,      // only when no stack could run
//              "diagnostics": [ { "severity": "error", "code": "...", "file": "...", "line": 3,
//                                 "column": 5, "path": "spec.port", "message": "...", "hint": "..." } ] }
// }
import type { OpenmcfError } from '../core/errors.js';
import { StackLockedError } from '../engine/engine-errors.js';
import type { ChangeCounts, ChangeKind, PropertyChange, ResourceRef } from '../engine/events.js';
import { UNKNOWN_VALUE } from '../engine/property-changes.js';
import { resourceManifestChanges, type ManifestChange } from './manifest-terms.js';
import { sumChangeCounts } from '../engine/events.js';
import type { JsonDiagnostic } from './diagnostics.js';
import type { ShardReport } from '../manifest/shard.js';

export const RESULT_API_VERSION = 'openmcf.org/result/v1';

export type CloudCommand = 'apply' | 'preview' | 'destroy' | 'refresh' | 'outputs' | 'cancel' | 'import';

export type StackStatus = 'succeeded' | 'unchanged' | 'changes-pending' | 'failed' | 'cancelled' | 'declined';

export interface ResultError {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly exitCode: number;
  /** Manifest problems (file, line, column) when the input was invalid; see render/diagnostics.ts. */
  readonly diagnostics?: readonly JsonDiagnostic[];
  /** `stack-locked`: who holds the lock, as the backend records it (none named on Pulumi Cloud). */
  readonly lockHolders?: ReadonlyArray<{ readonly user: string; readonly host: string; readonly pid: number; readonly since: string; readonly stale: boolean }>;
}

export interface ResourceResult {
  readonly type: string;
  readonly name: string;
  readonly change: ChangeKind;
  readonly properties: readonly PropertyChange[];
  readonly manifestChanges: readonly ManifestChange[];
  /** Replaced delete-first (the old one is deleted before the new one is created). */
  readonly deleteFirst?: true;
}

/** How --json spells a value the engine only knows after the update. */
export const UNKNOWN_JSON = Object.freeze({ unknown: true });

/** The engine's placeholder for unknown values replaced by UNKNOWN_JSON, anywhere in `value`. */
export function jsonValue(value: unknown): unknown {
  if (value === UNKNOWN_VALUE) return UNKNOWN_JSON;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
  return value;
}

/** One resource's change for the document: engine properties and manifest terms, unknowns explicit. */
export function resourceResult(resource: ResourceRef, change: ChangeKind, properties: readonly PropertyChange[]): ResourceResult {
  const withValues = <T extends { old?: unknown; new?: unknown }>(p: T): T => ({
    ...p,
    ...('old' in p ? { old: jsonValue(p.old) } : {}),
    ...('new' in p ? { new: jsonValue(p.new) } : {}),
  });
  return {
    type: resource.type,
    name: resource.name,
    change,
    properties: properties.map(withValues),
    manifestChanges: resourceManifestChanges(resource, properties).map(withValues),
  };
}

export interface CronScheduleResult {
  readonly name: string;
  readonly schedule: string;
  /** The IANA time zone the platform reads the schedule in (Europe/Paris). */
  readonly timeZone: string;
  /** The next runs as UTC instants (ISO 8601). */
  readonly nextRuns: readonly string[];
}

export interface StackResult {
  readonly manifest: { readonly file: string; readonly document: number; readonly name: string };
  readonly stack: string;
  readonly engineStack: string;
  readonly backend: string;
  readonly sandbox: boolean;
  readonly status: StackStatus;
  readonly changes: ChangeCounts;
  readonly resources: readonly ResourceResult[];
  readonly outputs?: Readonly<Record<string, unknown>>;
  /** outputs: when the run that recorded them wrote the state; their `status` is as of then. */
  readonly statusAsOf?: string;
  /** `old` is absent for an output the stack did not have, `new` for one it no longer has. */
  readonly outputChanges?: ReadonlyArray<{ readonly name: string; readonly old?: unknown; readonly new?: unknown }>;
  readonly drift?: readonly ResourceResult[];
  readonly cronSchedules?: readonly CronScheduleResult[];
  /** What the preview said besides the plan: a retry of a container in `error`, a take-over. */
  readonly notices?: readonly string[];
  readonly durationMs: number;
  readonly error?: ResultError;
}

/** An error as the JSON documents carry it (a lock held elsewhere names its holders). */
export function resultError(error: OpenmcfError): ResultError {
  const holders = error instanceof StackLockedError ? { lockHolders: error.holders.map(({ user, host, pid, since, stale }) => ({ user, host, pid, since, stale })) } : {};
  return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}), exitCode: error.exitCode, ...holders };
}

export interface ResultDocument {
  readonly apiVersion: typeof RESULT_API_VERSION;
  readonly command: CloudCommand;
  readonly exitCode: number;
  readonly sandbox: boolean;
  readonly summary: ChangeCounts;
  readonly results: readonly StackResult[];
  readonly error?: ResultError;
  /** With --shard: the part that ran (1-based index of count) and its share of the documents. */
  readonly shard?: ShardReport;
  /** preview of a folder: stacks of its projects and environments that no manifest names. */
  readonly orphans?: readonly OrphanResult[];
}

/** An orphaned stack: `stack` as the engine names it (`organization/<project>/<name>` on self-managed backends). */
export interface OrphanResult {
  readonly stack: string;
  readonly project: string;
  readonly name: string;
}

/** The document of a run: its results and what they add up to. */
export function buildResultDocument(input: Omit<ResultDocument, 'apiVersion' | 'summary'>): ResultDocument {
  const summary = sumChangeCounts(input.results.map((result) => result.changes));
  return {
    apiVersion: RESULT_API_VERSION,
    command: input.command,
    exitCode: input.exitCode,
    sandbox: input.sandbox,
    summary,
    results: input.results,
    ...(input.error ? { error: input.error } : {}),
    ...(input.shard ? { shard: input.shard } : {}),
    ...(input.orphans ? { orphans: input.orphans } : {}),
  };
}

export function formatResultDocument(document: ResultDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
