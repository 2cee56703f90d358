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
//         { "type": "scaleway:containers/container:Container", "name": "my-api", "change": "update",
//           "properties": [ { "path": "image", "kind": "update", "replaces": false,
//                             "old": "...", "new": "..." } ] }
//                                    // a replacement of a fixed-name resource adds "deleteFirst": true
//       ],
//       "outputs": { "containerId": "...", "namespaceId": "...", "domainName": "...", "url": "...",
//                    "status": "ready", "errorMessage": "" },   // apply, outputs; secrets "[secret]"
//       "cronSchedules": [ { "name": "hourly-sync", "schedule": "0 * * * *",     // preview
//                            "timeZone": "Europe/Paris",     // what the schedule is read in
//                            "nextRuns": ["2026-01-01T03:00:00.000Z", "..."] } ],  // instants, UTC
//       "durationMs": 5321,
//       "error": { "code": "container-error", "message": "...", "hint": "...", "exitCode": 1 }
//     }
//   ],
//   "error": { "code": "...", "message": "...", "exitCode": 3,      // only when no stack could run
//              "diagnostics": [ { "severity": "error", "code": "...", "file": "...", "line": 3,
//                                 "column": 5, "path": "spec.port", "message": "...", "hint": "..." } ] }
// }
import type { ChangeCounts, ChangeKind, PropertyChange } from '../engine/events.js';
import { emptyChangeCounts } from '../engine/events.js';
import type { JsonDiagnostic } from './diagnostics.js';

export const RESULT_API_VERSION = 'openmcf.org/result/v1';

export type CloudCommand = 'apply' | 'preview' | 'destroy' | 'refresh' | 'outputs' | 'cancel';

export type StackStatus = 'succeeded' | 'unchanged' | 'changes-pending' | 'failed' | 'cancelled' | 'declined';

export interface ResultError {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly exitCode: number;
  /** Manifest problems (file, line, column) when the input was invalid; see render/diagnostics.ts. */
  readonly diagnostics?: readonly JsonDiagnostic[];
}

export interface ResourceResult {
  readonly type: string;
  readonly name: string;
  readonly change: ChangeKind;
  readonly properties: readonly PropertyChange[];
  /** Replaced delete-first (the old one is deleted before the new one is created). */
  readonly deleteFirst?: true;
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
  readonly cronSchedules?: readonly CronScheduleResult[];
  readonly durationMs: number;
  readonly error?: ResultError;
}

export interface ResultDocument {
  readonly apiVersion: typeof RESULT_API_VERSION;
  readonly command: CloudCommand;
  readonly exitCode: number;
  readonly sandbox: boolean;
  readonly summary: ChangeCounts;
  readonly results: readonly StackResult[];
  readonly error?: ResultError;
}

export function buildResultDocument(input: {
  readonly command: CloudCommand;
  readonly exitCode: number;
  readonly sandbox: boolean;
  readonly results: readonly StackResult[];
  readonly error?: ResultError;
}): ResultDocument {
  const summary = emptyChangeCounts();
  for (const result of input.results) {
    for (const kind of Object.keys(summary) as Array<keyof ChangeCounts>) summary[kind] += result.changes[kind];
  }
  return {
    apiVersion: RESULT_API_VERSION,
    command: input.command,
    exitCode: input.exitCode,
    sandbox: input.sandbox,
    summary,
    results: input.results,
    ...(input.error ? { error: input.error } : {}),
  };
}

export function formatResultDocument(document: ResultDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
