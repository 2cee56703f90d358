// The Serverless Containers v1 API's objects as they travel on the wire (snake_case JSON), shaped
// after the real responses recorded in the Terraform provider's cassettes
// (internal/services/container/testdata/*.cassette.yaml). The store keeps exactly these, plus a
// few fields of the simulation's own under `_` keys, which never leave the server.
/** An object as the API answers it: the simulation's `_` fields left out. */
export function publicView(object) {
    return Object.fromEntries(Object.entries(object).filter(([key]) => !key.startsWith('_')));
}
