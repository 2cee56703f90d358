// Runs one task per item with at most `limit` running at once, in input order of start. A task
// that fails does not stop the others: every outcome is returned, in input order.

export type Settled<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

export async function runBounded<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<Settled<R>[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be a positive integer, got ${limit}`);
  const outcomes = new Array<Settled<R>>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      try {
        outcomes[index] = { ok: true, value: await task(items[index]!, index) };
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return outcomes;
}

/**
 * runBounded for tasks that report their own failures as results: every value, in input order.
 * A task that throws anyway is a bug, and the first such error is rethrown.
 */
export async function runBoundedAll<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const settled = await runBounded(items, limit, task);
  return settled.map((s) => {
    if (!s.ok) throw s.error;
    return s.value;
  });
}
