// Environment variable names shared by the sandbox environment (set by openmcf) and the sandbox
// provider (read in the plugin process). Kept apart so the plugin loads nothing else.

/** Folder of the simulated cloud's store; its presence is what lets the sandbox plugin start. */
export const STORE_ENV = 'OPENMCF_SANDBOX_STORE';
/** The node binary the plugin launcher runs (the one running openmcf), else `node` from PATH. */
export const NODE_ENV = 'OPENMCF_SANDBOX_NODE';
/** Set on the one provider a sandbox run shares between its engines (see shared-provider.ts): it
 * stops when its stdin closes, i.e. when openmcf is gone. */
export const SHARED_ENV = 'OPENMCF_SANDBOX_SHARED';
