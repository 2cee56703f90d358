// The end of `openmcf --help`: a first session's commands, and every environment variable the CLI
// reads, so that nobody has to find them in the README.
export const TOP_LEVEL_HELP = `
Examples:
  $ openmcf init my-api.yaml --name my-api                  # a starter manifest
  $ openmcf validate -f my-api.yaml                         # offline checks
  $ openmcf apply -f my-api.yaml --sandbox --yes            # simulated cloud, nothing real touched
  $ openmcf preview -f manifests/ --detailed-exitcode       # CI: exit 2 when there are changes
  $ openmcf outputs -f my-api.yaml --sandbox url            # one output's raw value
  $ source <(openmcf completion bash)                       # shell completion

Environment variables:
  OPENMCF_HOME                 where openmcf keeps its engine, state, passphrase and sandbox (~/.openmcf)
  NO_COLOR, FORCE_COLOR        turn colour off, or on without a terminal
  OPENMCF_PROGRESS_INTERVAL    seconds between "still ..." lines without a terminal (default 10; 0: none)
  OPENMCF_DEBUG                1: stack traces of internal errors
  OPENMCF_PULUMI_CLI           the Pulumi engine binary to use
  OPENMCF_ENGINE_DOWNLOAD      0: build the engine from Go modules instead of downloading it
  OPENMCF_SANDBOX_FAULTS       faults for the sandbox, e.g. delay:Container=3000 (see the README)
  PULUMI_BACKEND_URL           the state backend when --backend is not given
  PULUMI_CONFIG_PASSPHRASE, PULUMI_CONFIG_PASSPHRASE_FILE
                               passphrase for secrets in self-managed state (default: generated)
  SCW_ACCESS_KEY, SCW_SECRET_KEY, SCW_DEFAULT_PROJECT_ID, SCW_DEFAULT_ORGANIZATION_ID,
  SCW_DEFAULT_REGION, SCW_DEFAULT_ZONE
                               Scaleway credentials (over the Scaleway CLI's profile)
  SCW_CONFIG_PATH, SCW_PROFILE the Scaleway CLI's config file and profile
  GITHUB_ACTIONS               true: manifest problems also as GitHub annotations

Exit codes: 0 success; 1 failed, or a confirmation declined; 2 changes found (preview
--detailed-exitcode); 3 invalid input; 4 stack locked; 130 interrupted. Details: README.md.
`;
