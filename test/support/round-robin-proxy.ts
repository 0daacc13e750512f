// A small load balancer for tests and benchmarks of several instances: each request goes to the next
// backend in turn; a backend that does not answer (killed) makes a 502, and the client (the emulator, as
// Telegram does) sends the update again, to the next backend.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  port: number;
  /** Requests each backend answered, by the backends' order. */
  served: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(backends: number[]): Promise<RoundRobinProxy> {
  const served = backends.map(() => 0);
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const index = next++ % backends.length;
    const forward = httpRequest(
      {
        host: "127.0.0.1",
        port: backends[index],
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        served[index]!++;
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
