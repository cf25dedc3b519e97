import { Synapse } from "./synapse.js";

/** What a forward function returns to stream: the synapse (for headers) and its chunks. */
export class StreamingResponse<T extends Synapse = Synapse> {
  constructor(
    readonly synapse: T,
    readonly chunks: AsyncIterable<string | Uint8Array>,
  ) {}
}

/**
 * bittensor's `StreamingSynapse`: the axon answers `200 text/event-stream` with the synapse's headers and
 * the chunks; the dendrite's `stream()` yields what `process_streaming_response` makes of them, then the
 * synapse (or its deserialized payload). Override both hooks to parse your format.
 */
export class StreamingSynapse extends Synapse {
  /** Wraps an async iterable of chunks (e.g. an async generator of tokens) for the axon to send. */
  create_streaming_response(chunks: AsyncIterable<string | Uint8Array>): StreamingResponse<this> {
    return new StreamingResponse(this, chunks);
  }

  /** Yields each chunk of the response body as text, by default. */
  async *process_streaming_response(body: AsyncIterable<Uint8Array>): AsyncGenerator<unknown> {
    const decoder = new TextDecoder();
    for await (const chunk of body) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const tail = decoder.decode();
    if (tail) yield tail;
  }

  /** Sets fields from the response headers once the stream ends (the terminals are merged already). */
  extract_response_json(_headers: Readonly<Record<string, string | string[] | undefined>>): void {}
}
