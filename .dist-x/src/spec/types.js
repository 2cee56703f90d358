// The manifest as the rest of the pipeline sees it, after validation with defaults filled in.
// Field names and meanings follow ../shared/seed/ScalewayServerlessContainer.md; the JSON Schema in
// schemas/scaleway.openmcf.org/v1/ is the authority for bounds and enums.
export const API_VERSION = 'scaleway.openmcf.org/v1';
export const KIND = 'ScalewayServerlessContainer';
/** The regions serving serverless containers (the schema's `spec.region` enum says the same). */
export const SCALEWAY_REGIONS = ['fr-par', 'nl-ams', 'pl-waw'];
/** Optional metadata fields, in the schema's order (how `openmcf load` prints them). */
export const OPTIONAL_METADATA_FIELDS = ['slug', 'id', 'org', 'env', 'annotations', 'tags', 'relationships', 'group'];
/**
 * Top-level fields a manifest may carry that are never input: `status` is what the original CLI
 * recorded after a deployment. `openmcf load` leaves them out and says so.
 */
export const IGNORED_TOP_LEVEL_FIELDS = ['status'];
/** The labels that name the stack (see src/target/). */
export const LABELS = {
    organization: 'pulumi.openmcf.org/organization',
    project: 'pulumi.openmcf.org/project',
    stackName: 'pulumi.openmcf.org/stack.name',
    stackFqdn: 'pulumi.openmcf.org/stack.fqdn',
    provisioner: 'openmcf.org/provisioner',
};
