// The explorer's connection attempts: a connection that setup fails on, or that the page gave up
// meanwhile, is closed — retries every few seconds must not pile up open sockets.
import { describe, expect, it } from "vitest";
import { connectAndSetUp } from "../app/connection.js";

class FakeConnection {
  static open = 0;
  closed = false;
  constructor() {
    FakeConnection.open++;
  }
  close() {
    if (!this.closed) FakeConnection.open--;
    this.closed = true;
  }
}

describe("connectAndSetUp", () => {
  it("closes the connection when setup fails, on every retry", async () => {
    FakeConnection.open = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const attemptRun = connectAndSetUp(
        async () => new FakeConnection(),
        async () => {
          throw new Error("chain_getHeader: method not found");
        },
        () => false,
      );
      await expect(attemptRun).rejects.toThrow("chain_getHeader: method not found");
    }
    expect(FakeConnection.open).toBe(0);
  });

  it("keeps a connection that set up, and ends setup's work then the connection when stopped", async () => {
    const steps: string[] = [];
    let connection: FakeConnection | undefined;
    const stop = await connectAndSetUp(
      async () => (connection = new FakeConnection()),
      async () => () => steps.push(connection!.closed ? "undo after close" : "undo"),
      () => false,
    );
    expect(connection!.closed).toBe(false);
    stop!();
    expect(steps).toEqual(["undo"]);
    expect(connection!.closed).toBe(true);
  });

  it("ends an attempt the page gave up while it was setting up", async () => {
    let givenUp = false;
    let undone = false;
    let connection: FakeConnection | undefined;
    const stop = await connectAndSetUp(
      async () => (connection = new FakeConnection()),
      async () => {
        givenUp = true; // the page moved on (a new attempt, or unmounted) during setup
        return () => {
          undone = true;
        };
      },
      () => givenUp,
    );
    expect(stop).toBeUndefined();
    expect(undone).toBe(true);
    expect(connection!.closed).toBe(true);
  });

  it("does not set up a connection that opened after the attempt was given up", async () => {
    let setUp = false;
    let connection: FakeConnection | undefined;
    const stop = await connectAndSetUp(
      async () => (connection = new FakeConnection()),
      async () => {
        setUp = true;
        return () => {};
      },
      () => true,
    );
    expect(stop).toBeUndefined();
    expect(setUp).toBe(false);
    expect(connection!.closed).toBe(true);
  });
});
