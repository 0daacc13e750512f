// The Bot API emulator over real HTTP: point grammY at `apiRoot`.
import { EmulatorCore } from "./core.js";
import { type HttpFrontEnd, startHttp } from "./http/server.js";
import type { EmulatorOptions } from "./types.js";

export interface StartOptions extends EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export class BotApiEmulator extends EmulatorCore {
  private http?: HttpFrontEnd;
  private closing?: Promise<void>;

  /** e.g. http://127.0.0.1:PORT - use as grammY's `client.apiRoot`. */
  get apiRoot(): string {
    if (!this.http) throw new Error("Emulator is not listening");
    return this.http.apiRoot;
  }

  /** @internal Use startBotApiEmulator(). */
  async listen(port: number, host: string): Promise<void> {
    this.http = await startHttp(this.world, port, host);
  }

  /**
   * Stops the server. Pending long polls are answered at once with no
   * updates, pending waits are rejected and webhook requests in flight are
   * aborted, so tests never hang.
   */
  override close(): Promise<void> {
    this.closing ??= (async () => {
      await super.close();
      await this.http?.close();
    })();
    return this.closing;
  }
}

export async function startBotApiEmulator(options: StartOptions = {}): Promise<BotApiEmulator> {
  const emulator = new BotApiEmulator(options);
  await emulator.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  return emulator;
}
