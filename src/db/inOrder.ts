/**
 * Runs queries of one transaction one after another. A transaction is a single connection, so `Promise.all`
 * gains nothing there, and node-postgres deprecates overlapping queries on one client.
 */
export async function inOrder<T extends readonly unknown[]>(
  ...steps: { [K in keyof T]: () => PromiseLike<T[K]> }
): Promise<T> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as unknown as T;
}
