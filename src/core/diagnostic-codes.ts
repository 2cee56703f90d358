// Every diagnostic code openmcf emits for manifests. Codes are stable: scripts may match on them
// (they appear in `--json` output and GitHub annotations). Add new ones; never rename.
export const DiagnosticCode = {
  // Reading input (line and column are 0: the problem is the path itself).
  /** A path given to -f does not exist. */
  inputNotFound: 'input.not-found',
  /** A file or directory exists but cannot be read (permissions, not a regular file). */
  inputUnreadable: 'input.unreadable',
  /** A directory given to -f holds no *.yaml or *.yml file. */
  inputEmptyDirectory: 'input.empty-directory',
  /** A URL given to -f could not be fetched: not a URL, network error, or an HTTP error status. */
  inputUrlFailed: 'input.url-failed',
  /** A URL given to -f did not answer completely within the timeout (OPENMCF_URL_TIMEOUT_MS). */
  inputUrlTimeout: 'input.url-timeout',
  /** A URL given to -f answered with more than the size limit (1 MiB). */
  inputUrlTooLarge: 'input.url-too-large',
  /** `kustomize build` of --kustomize-dir/--overlay failed, or no kustomize could be found or built. */
  inputKustomizeFailed: 'input.kustomize-failed',
  /** A file or standard input holds more than a manifest source may (MAX_SOURCE_BYTES). */
  inputTooLarge: 'input.too-large',
  /** A path given to -f is a FIFO, a device or a socket: only regular files are read (no hang, no
   * endless read). */
  inputNotAFile: 'input.not-a-file',

  // YAML.
  /** The text is not valid YAML (the yaml library's own code is in the message's hint). */
  yamlSyntax: 'yaml.syntax',
  /** A mapping has the same key twice. */
  yamlDuplicateKey: 'yaml.duplicate-key',
  /** An alias (`*name`) refers to no anchor. */
  yamlUnresolvedAlias: 'yaml.unresolved-alias',
  /** Aliases expand to too many nodes (a "billion laughs" document). */
  yamlAliasLimit: 'yaml.alias-limit',
  /** A document is a list or a scalar, not a mapping. */
  yamlNotAMapping: 'yaml.not-a-mapping',
  /** A file holds no document at all. */
  yamlEmpty: 'yaml.empty',
  /** The yaml library warned (e.g. an unknown tag); the document is still used. */
  yamlWarning: 'yaml.warning',

  // JSON Schema (schemas/scaleway.openmcf.org/v1/ScalewayServerlessContainer.schema.json).
  schemaRequired: 'schema.required',
  schemaAdditionalProperty: 'schema.additional-property',
  schemaType: 'schema.type',
  schemaEnum: 'schema.enum',
  schemaConst: 'schema.const',
  schemaMinimum: 'schema.minimum',
  schemaMaximum: 'schema.maximum',
  schemaMinLength: 'schema.min-length',
  schemaMaxLength: 'schema.max-length',
  schemaMaxItems: 'schema.max-items',
  schemaPattern: 'schema.pattern',
  /** A StringValueOrRef sets both or neither of `value` and `valueFrom`. */
  schemaOneOf: 'schema.one-of',
  /** A mapping gives one field twice, once in its proto spelling (`memory_limit_mb`) and once in its JSON spelling (`memoryLimitMb`). */
  schemaDuplicateField: 'schema.duplicate-field',
  /** Any other schema keyword (kept generic so new keywords never crash the mapper). */
  schemaOther: 'schema.invalid',

  // Rules the schema cannot state (src/validation/).
  /** scalingOption sets no metric or more than one. */
  ruleScalingMetricCount: 'rule.scaling-metric-count',
  /** cpuUsageThreshold / memoryUsageThreshold with minScale 0. */
  ruleScalingNeedsMinScale: 'rule.scaling-needs-min-scale',
  /** minScale greater than maxScale. */
  ruleMinScaleAboveMax: 'rule.min-scale-above-max',
  /** spec.port is one the platform reserves. */
  ruleReservedPort: 'rule.reserved-port',
  /** An env name is PORT or starts with SCW_. */
  ruleReservedEnvName: 'rule.reserved-env-name',
  /** An env name appears twice across variables and secrets. */
  ruleDuplicateEnvName: 'rule.duplicate-env-name',
  /** A cron schedule does not parse as 5-field unix cron or an @-macro. */
  ruleCronSchedule: 'rule.cron-schedule',
  /** Cron args are not a JSON object. */
  ruleCronArgs: 'rule.cron-args',
  /** Two cron triggers share a name. */
  ruleDuplicateCronName: 'rule.duplicate-cron-name',
  /** privateNetworkId names another region than spec.region. */
  rulePrivateNetworkRegion: 'rule.private-network-region',
  /** Neither stack.fqdn nor all of organization, project, stack.name are set. */
  ruleStackLabelsMissing: 'rule.stack-labels-missing',
  /** A stack label is present but empty or malformed. */
  ruleStackLabelInvalid: 'rule.stack-label-invalid',
  /** A label under openmcf.org/ or pulumi.openmcf.org/ that openmcf does not read (warning). */
  ruleUnknownLabel: 'rule.unknown-label',
  /** openmcf.org/provisioner is not pulumi. */
  ruleProvisioner: 'rule.provisioner',
  /** `deploy: false` has no effect on the current platform (warning). */
  ruleDeployIgnored: 'rule.deploy-ignored',
  /** A value holds `[secret]`, the placeholder openmcf prints in place of a secret (a hint or a
   * listing pasted back), never a real value. */
  rulePlaceholderValue: 'rule.placeholder-value',
  /** More environment variables or secrets than the platform takes (src/validation/platform-limits.ts). */
  ruleEnvLimit: 'rule.env-limit',

  // Values from outside the file (src/manifest/substitute.ts, overrides.ts, env-file.ts).
  /** `${NAME}` without a default, NAME not set in the environment nor the --env-file. */
  substitutionUnsetVariable: 'substitution.unset-variable',
  /** `${` without `}`, or not a valid variable name inside. */
  substitutionMalformed: 'substitution.malformed',
  /** A --set flag that is not `path=value` with a well-formed path (line 0: the flag itself). */
  setSyntax: 'set.syntax',
  /** A --set path names no field of the schema. */
  setUnknownField: 'set.unknown-field',
  /** A --set value does not read as the type the schema gives the field. */
  setType: 'set.type',
  /** A --set path cannot be applied to a document (index past the end of a list, ...). */
  setPath: 'set.path',
  /** A line of the --env-file is not NAME=value. */
  envFileSyntax: 'env-file.syntax',
} as const;

export type DiagnosticCodeValue = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];
