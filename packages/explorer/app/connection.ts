// One connection attempt to the node: open it, then set it up (reads, subscriptions). A connection that
// does not end up in use is closed — setup failed, or the page gave the attempt up meanwhile — so
// retrying every few seconds never piles up open sockets.

/**
 * Opens a connection and runs `setup` on it, which returns how to undo itself. Resolves to the function
 * that ends both, or to undefined when the attempt was given up meanwhile (then already ended). When
 * setup fails, the connection is closed before the error comes back.
 */
export async function connectAndSetUp<C extends { close(): void }>(
  open: () => Promise<C>,
  setup: (connection: C) => Promise<() => void>,
  givenUp: () => boolean,
): Promise<(() => void) | undefined> {
  const connection = await open();
  let undo: () => void;
  try {
    undo = givenUp() ? () => {} : await setup(connection);
  } catch (error) {
    connection.close();
    throw error;
  }
  const stop = () => {
    undo();
    connection.close();
  };
  if (!givenUp()) return stop;
  stop();
  return undefined;
}
