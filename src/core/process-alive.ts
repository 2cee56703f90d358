// Whether a process of this machine still exists, for telling a lock or a folder whose owner has
// ended (kill -9, a lost runner) from one still in use. Used for the engine's locks, the sandbox
// store's lock and the private folders a run leaves in the temporary folder.

/** False only when the process is known to be gone: an id that cannot be checked counts as alive,
 * so nothing still in use is ever released or removed. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
