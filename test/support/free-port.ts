// A port no one listens on now, for an address a test must name before the server behind it starts
// (WEBHOOK_URL, a proxy's backends). Another process could take it in between; on a test machine none does.
import { createServer, type AddressInfo } from "node:net";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
