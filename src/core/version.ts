// Versions the CLI is built against and pins. Kept in one place so `--version`, `doctor` and the
// engine resolver agree.
export const CLI_VERSION = '0.1.0';
/** The Pulumi CLI (engine) version openmcf pins and builds from Go modules when it is missing. */
export const PULUMI_ENGINE_VERSION = '3.274.1';
/** The @pulumiverse/scaleway SDK version, which is also the `scaleway` plugin version it asks for. */
export const SCALEWAY_PLUGIN_VERSION = '1.54.0';
/** The kustomize CLI version built by kustomize/build.sh (pinned in kustomize/go.mod) when none is found. */
export const KUSTOMIZE_VERSION = '5.8.3';
/** The @pulumi/pulumi SDK (Automation API) version, as pinned in package.json. */
export const PULUMI_SDK_VERSION = '3.248.0';

/** What `openmcf --version` prints: enough to reproduce a run in a bug report. */
export function versionText(): string {
  return [
    `openmcf ${CLI_VERSION}`,
    `pulumi engine v${PULUMI_ENGINE_VERSION} (pinned)`,
    `scaleway plugin v${SCALEWAY_PLUGIN_VERSION} (@pulumiverse/scaleway)`,
    `pulumi sdk v${PULUMI_SDK_VERSION} (@pulumi/pulumi)`,
    `node ${process.version}`,
  ].join('\n');
}
