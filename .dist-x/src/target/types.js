// Where a manifest is deployed: which Pulumi project and stack, on which backend, with which
// credentials. Produced by src/target/, consumed by src/engine/.
export {};
