/** A counting semaphore whose waiters are served highest priority first (FIFO among equals). */
export class PrioritySemaphore {
  #free: number;
  #seq = 0;
  readonly #waiting: { priority: number; seq: number; wake: () => void }[] = [];

  constructor(readonly size: number) {
    this.#free = size;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  /** Resolves with a release function once a slot is free; `signal` withdraws the request. */
  acquire(priority: number, signal?: AbortSignal): Promise<() => void> {
    const release = () => {
      const next = this.#pop();
      if (next) next.wake();
      else this.#free++;
    };
    if (this.#free > 0 && this.#waiting.length === 0) {
      this.#free--;
      return Promise.resolve(once(release));
    }
    return new Promise((resolve, reject) => {
      const entry = { priority, seq: this.#seq++, wake: () => resolve(once(release)) };
      this.#waiting.push(entry);
      signal?.addEventListener(
        "abort",
        () => {
          const i = this.#waiting.indexOf(entry);
          if (i >= 0) {
            this.#waiting.splice(i, 1);
            reject(signal.reason);
          }
        },
        { once: true },
      );
    });
  }

  #pop() {
    if (this.#waiting.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.#waiting.length; i++) {
      const w = this.#waiting[i]!;
      const b = this.#waiting[best]!;
      if (w.priority > b.priority || (w.priority === b.priority && w.seq < b.seq)) best = i;
    }
    return this.#waiting.splice(best, 1)[0];
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}
