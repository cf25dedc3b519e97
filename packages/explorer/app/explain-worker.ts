// Replays an epoch off the main thread: a 256-UID epoch in fixed point takes seconds in a browser.
import { explainScenarioStep, parseScenario } from "@opentao/runtime";

self.onmessage = (e: MessageEvent<unknown>) => {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: the node's scenario document, checked by parseScenario
    self.postMessage({ ok: true, explanation: explainScenarioStep(parseScenario(e.data as any), 0) });
  } catch (error) {
    self.postMessage({ ok: false, message: (error as Error).message });
  }
};
