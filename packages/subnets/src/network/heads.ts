// New heads with a stall limit: a node that dies or stops producing blocks must end `npm start` with an
// error, not leave it waiting on a subscription the client keeps trying to renew.

/** Yields the heads; throws when none arrives for `ms` milliseconds. Ends when the subscription ends. */
export async function* headsWithin<T>(heads: AsyncIterator<T>, ms: number): AsyncGenerator<T> {
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the node produced no block for ${ms / 1000} s`)), ms);
    });
    const next = await Promise.race([heads.next(), stalled]).finally(() => clearTimeout(timer));
    if (next.done) return;
    yield next.value;
  }
}
