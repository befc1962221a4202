/**
 * /metrics under `XABAR_WORKERS=N`: the workers share one port, so a scrape reaches whichever
 * worker the kernel hands the connection to. Its answer must be the whole node's, or counters
 * would jump between workers' values. The worker that got the scrape asks the primary; the
 * primary collects every worker's registry (prom-client's AggregatorRegistry: counters and
 * histograms summed, gauges summed unless the metric says otherwise) and sends the text back.
 */
import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const ASK = 'xabar:metrics-request';
const ANSWER = 'xabar:metrics-answer';
const TIMEOUT_MS = 5000;

interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

/** In the primary: answer workers' requests for the aggregated metrics. */
export function answerClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, msg: { type?: string; id: number }) => {
    if (msg?.type !== ASK) return;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: ANSWER, id: msg.id, text } satisfies Answer),
      (err: Error) => worker.isConnected() && worker.send({ type: ANSWER, id: msg.id, error: err.message } satisfies Answer),
    );
  });
}

/**
 * In a worker: offer this registry to the primary's collection, and return how to read the
 * whole node's metrics (through the primary).
 */
export function clusterMetricsReader(registry: Registry): () => Promise<string> {
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry(); // installs the worker's listener for the primary's collection requests
  let next = 0;
  const waiting = new Map<number, (a: Answer) => void>();
  process.on('message', (msg: Answer) => {
    if (msg?.type === ANSWER) waiting.get(msg.id)?.(msg);
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the cluster primary did not answer with the metrics in time'));
      }, TIMEOUT_MS);
      waiting.set(id, (a) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (a.error !== undefined || a.text === undefined) reject(new Error(a.error ?? 'no metrics'));
        else resolve(a.text);
      });
      process.send!({ type: ASK, id });
    });
}
