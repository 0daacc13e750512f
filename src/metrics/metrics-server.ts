// The operator's port (METRICS_PORT, on METRICS_HOST: 127.0.0.1 unless set, it is not for the public):
//   /healthz  the process is alive (200)
//   /readyz   the database answers, every migration is applied, Telegram answered the last poll (200, or
//             503 with what is wrong), and whether this instance leads the scheduler (informational)
//   /metrics  Prometheus metrics (src/metrics/app-metrics.ts)
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface Readiness {
  database: "ok" | "unreachable";
  migrations: "applied" | "pending" | "unknown";
  /** null: this app does not use Telegram (the web app alone). */
  telegram: "reachable" | "unreachable" | null;
  leader: boolean;
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

export function isReady(readiness: Readiness): boolean {
  return readiness.database === "ok" && readiness.migrations === "applied" && readiness.telegram !== "unreachable";
}

export async function startMetricsServer(options: {
  port: number;
  host: string;
  registry: Registry;
  readiness: () => Promise<Readiness>;
}): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      response.end(body);
    };
    if (request.method !== "GET") return send(405, "text/plain; charset=utf-8", "GET only\n");
    if (path === "/healthz") return send(200, "text/plain; charset=utf-8", "ok\n");
    if (path === "/readyz") {
      void options.readiness().then((readiness) => {
        const ready = isReady(readiness);
        send(ready ? 200 : 503, "application/json", `${JSON.stringify({ ready, ...readiness })}\n`);
      });
      return;
    }
    if (path === "/metrics") {
      void options.registry.metrics().then(
        (text) => send(200, options.registry.contentType, text),
        (error: unknown) =>
          send(503, "text/plain; charset=utf-8", `metrics unavailable: ${(error as Error).message}\n`),
      );
      return;
    }
    send(404, "text/plain; charset=utf-8", "not found: /healthz, /readyz, /metrics\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
