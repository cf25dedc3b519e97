// A subscription as an async iterator: notifications queue until read, so none is lost between reads;
// ending (unsubscribe, close, or a lost connection for one that cannot be resumed) releases waiting readers.

export class Subscription<T> implements AsyncIterableIterator<T> {
  readonly #queue: T[] = [];
  readonly #waiters: { resolve: (r: IteratorResult<T>) => void; reject: (e: Error) => void }[] = [];
  #done = false;
  #error: Error | undefined;

  constructor(
    /** The node's current subscription id (it changes when the client re-subscribes after a reconnect). */
    public id: string,
    readonly method: string,
    readonly unsubscribeMethod: string,
    /** Whether to subscribe again after a reconnect (heads yes; a watched transaction no). */
    readonly resumable: boolean,
    readonly params: unknown[],
    private readonly map: (raw: unknown) => T,
    private readonly onUnsubscribe: (sub: Subscription<T>) => Promise<void>,
  ) {}

  get done(): boolean {
    return this.#done;
  }

  /** Called by the client with each notification. */
  push(raw: unknown): void {
    if (this.#done) return;
    const value = this.map(raw);
    const w = this.#waiters.shift();
    if (w) w.resolve({ value, done: false });
    else this.#queue.push(value);
  }

  /** Ends the iterator: readers get `done`, or `error` once the queue is drained. */
  finish(error?: Error): void {
    if (this.#done) return;
    this.#done = true;
    this.#error = error;
    for (const w of this.#waiters.splice(0)) {
      if (error) w.reject(error);
      else w.resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#queue.length > 0) return Promise.resolve({ value: this.#queue.shift()!, done: false });
    if (this.#done) {
      return this.#error ? Promise.reject(this.#error) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Stops the notifications on the node and ends the iterator. */
  async unsubscribe(): Promise<void> {
    if (this.#done) return;
    this.finish();
    await this.onUnsubscribe(this);
  }

  async return(): Promise<IteratorResult<T>> {
    await this.unsubscribe();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
