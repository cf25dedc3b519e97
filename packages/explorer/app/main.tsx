import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Header } from "./chain.js";
import { connectAndSetUp } from "./connection.js";
import { type Live, LiveContext } from "./context.js";
import { blockNumber } from "./format.js";
import { AccountPage } from "./pages/account.js";
import { BlockPage } from "./pages/block.js";
import { ExtrinsicPage } from "./pages/extrinsic.js";
import { HomePage } from "./pages/home.js";
import { SearchPage, searchTarget } from "./pages/search.js";
import { SubnetPage } from "./pages/subnet.js";
import { SubnetsPage } from "./pages/subnets.js";
import { ValidatorPage } from "./pages/validator.js";
import { type Route, useRoute } from "./router.js";
import { nodeUrl, Rpc } from "./rpc.js";
import "./style.css";

const RETRY_MS = 3000;

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "home":
    case "blocks":
      return <HomePage />;
    case "block":
      return <BlockPage id={route.id} />;
    case "extrinsic":
      return <ExtrinsicPage block={route.block} index={route.index} />;
    case "account":
      return <AccountPage address={route.address} />;
    case "subnets":
      return <SubnetsPage />;
    case "subnet":
      return <SubnetPage netuid={route.netuid} />;
    case "validator":
      return <ValidatorPage hotkey={route.hotkey} />;
    case "search":
      return <SearchPage query={route.query} />;
    case "notFound":
      return <p class="error">No page at {route.path}. Try the search box, or go home.</p>;
  }
}

function SearchBox({ rpc }: { rpc: Rpc | undefined }) {
  const [q, setQ] = useState("");
  return (
    <form
      class="search"
      onSubmit={async (e) => {
        e.preventDefault();
        const query = q.trim();
        if (!query || !rpc) return;
        location.hash = (await searchTarget(rpc, query)) ?? `#/search/${encodeURIComponent(query)}`;
      }}
    >
      <input
        name="q"
        data-testid="search"
        placeholder="Search by address, block number, block or extrinsic hash"
        value={q}
        onInput={(e) => setQ((e.target as HTMLInputElement).value)}
      />
      <button type="submit">Search</button>
    </form>
  );
}

function App() {
  const route = useRoute();
  const [live, setLive] = useState<Live | null>(null);
  const [error, setError] = useState<string>();
  // Each connection attempt; a lost or failed connection tries again a few seconds later.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let stop = () => {};
    let ended = false;
    const retry = (message: string) => {
      if (ended) return;
      setError(`${message} (trying again every ${RETRY_MS / 1000} s)`);
      const timer = setTimeout(() => setAttempt((a) => a + 1), RETRY_MS);
      stop = () => clearTimeout(timer);
    };
    const setup = async (rpc: Rpc) => {
      const url = rpc.url;
      const head = await rpc.call<Header>("chain_getHeader");
      const fin = await rpc.call<Header>("chain_getHeader", [
        await rpc.call<string>("chain_getFinalizedHead"),
      ]);
      const dev = await rpc.call("dev_nodeInfo").then(
        () => true,
        () => false,
      );
      let state: Live = {
        rpc,
        head,
        best: blockNumber(head.number),
        finalized: blockNumber(fin.number),
        dev,
      };
      setLive(state);
      setError(undefined);
      // Heads can come fast (interval devnets): pages see at most about three updates a second.
      let scheduled = false;
      const publish = (next: Live) => {
        state = next;
        if (scheduled) return;
        scheduled = true;
        setTimeout(() => {
          scheduled = false;
          setLive(state);
        }, 300);
      };
      const offNew = await rpc.subscribe<Header>(
        "chain_subscribeNewHeads",
        "chain_unsubscribeNewHeads",
        (h) => publish({ ...state, head: h, best: blockNumber(h.number) }),
      );
      const offFin = await rpc.subscribe<Header>(
        "chain_subscribeFinalizedHeads",
        "chain_unsubscribeFinalizedHeads",
        (h) => publish({ ...state, finalized: blockNumber(h.number) }),
      );
      rpc.socket.addEventListener("close", () => retry(`Lost the connection to the node at ${url}`));
      return () => {
        offNew();
        offFin();
      };
    };
    nodeUrl()
      .then((url) =>
        connectAndSetUp(
          () => Rpc.connect(url),
          setup,
          () => ended,
        ),
      )
      .then((end) => {
        if (end) stop = end;
      })
      .catch((e: Error) => retry(e.message));
    return () => {
      ended = true;
      stop();
    };
  }, [attempt]);

  return (
    <>
      <header class="top">
        <a class="brand" href="#/">
          OpenTAO <span>explorer</span>
        </a>
        <nav>
          <a href="#/">Home</a>
          <a href="#/subnets">Subnets</a>
        </nav>
        <SearchBox rpc={live?.rpc} />
        <span class="head" data-testid="best">
          {live ? `#${live.best}` : "…"}
        </span>
      </header>
      <main>
        {error ? (
          <p class="error" data-testid="fatal">
            {error}
          </p>
        ) : live ? (
          <LiveContext.Provider value={live}>
            {/* A new route is a new page: no data of the previous one shows while this one loads. */}
            <Page key={JSON.stringify(route)} route={route} />
          </LiveContext.Provider>
        ) : (
          <p class="muted">Connecting to the node…</p>
        )}
      </main>
    </>
  );
}

render(<App />, document.getElementById("app")!);
