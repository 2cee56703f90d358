// What the program takes from the stack's state, besides the container's last deployment
// (redeploy.ts): the cron `args` as recorded, so that a trigger whose JSON means the same keeps
// the string the state has. The original OpenMCF CLI passed `args` as written in the manifest
// (`{"task": "cleanup"}`), openmcf passes it canonical (`{"task":"cleanup"}`); without this, every
// stack it created would show each trigger's args as changed, for nothing.
import { canonicalJson } from './container-args.js';

export interface RecordedStack {
  /** Each Cron's `args` input in the state, by resource name. */
  readonly cronArgs: Readonly<Record<string, string>>;
}

/** The args to declare: the recorded string when it is the same JSON, else the manifest's
 * (canonical, from cronArgs). */
export function cronArgsToDeclare(desired: string, recorded: string | undefined): string {
  if (recorded === undefined || recorded === desired) return desired;
  return canonicalJson(recorded) === canonicalJson(desired) ? recorded : desired;
}
