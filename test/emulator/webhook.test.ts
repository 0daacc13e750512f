// Webhook mode of the Bot API emulator: updates pushed to a real node:http receiver, as Telegram pushes
// them, with its ordering, retries and connection limit.
import { type IncomingHttpHeaders, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, Bot, GrammyError, InlineKeyboard, webhookCallback } from "grammy";
import type { Update, User } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BotApiEmulator, type StartOptions, startBotApiEmulator } from "../../src/emulator/index.js";

const TOKEN = "123456:TEST-token";
const SECRET = "s3cret_token-1";
const lan: User = { id: 1001, is_bot: false, first_name: "Lan", username: "lan" };
const minh: User = { id: 1002, is_bot: false, first_name: "Minh" };
const hoa: User = { id: 1003, is_bot: false, first_name: "Hoa" };

/** A request the emulator made to the receiver. */
interface Received {
  headers: IncomingHttpHeaders;
  update: Update;
  /** Answers the request (200 unless told otherwise). */
  answer(status?: number): void;
  /** True once the emulator gave up on the request before it was answered. */
  abandoned: boolean;
}

/** The bot's side of the webhook: records every request; `handle` decides how each is answered. */
class Receiver {
  readonly received: Received[] = [];
  /** Requests that arrived and were neither answered nor abandoned yet. */
  open = 0;
  /** The most requests open at the same time. */
  peak = 0;
  handle: (request: Received) => void = (request) => request.answer();
  private readonly listeners = new Set<() => void>();
  private server?: Server;
  port = 0;

  static async start(port = 0): Promise<Receiver> {
    const receiver = new Receiver();
    await receiver.listen(port);
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  /** Update ids in arrival order, retries included. */
  get updateIds(): number[] {
    return this.received.map((r) => r.update.update_id);
  }

  async listen(port: number): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        let settled = false;
        const settle = () => {
          if (settled) return false;
          settled = true;
          this.open--;
          return true;
        };
        const request: Received = {
          headers: req.headers,
          update: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update,
          abandoned: false,
          answer: (status = 200) => {
            if (!settle()) return;
            res.writeHead(status, { "content-type": "application/json" }).end("{}");
            this.changed();
          },
        };
        res.on("close", () => {
          if (res.writableFinished || !settle()) return;
          request.abandoned = true;
          this.changed();
        });
        this.open++;
        this.peak = Math.max(this.peak, this.open);
        this.received.push(request);
        // The handler first, so waits on what it records see the request.
        this.handle(request);
        this.changed();
      });
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Stops listening and cuts open connections: the emulator then meets a refused connection. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Resolves with the first truthy value of `check`, re-checked on every request, answer and abandonment. */
  until<T>(check: () => T | undefined | null | false): Promise<T> {
    return new Promise<T>((resolve) => {
      const evaluate = () => {
        const value = check();
        if (value === undefined || value === null || value === false) return;
        this.listeners.delete(evaluate);
        resolve(value);
      };
      this.listeners.add(evaluate);
      evaluate();
    });
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

let emu: BotApiEmulator;
let api: Api;
const receivers: Receiver[] = [];

async function startEmulator(options: StartOptions = {}): Promise<void> {
  await emu?.close();
  // Short retries keep the tests quick; the backoff test sets its own.
  emu = await startBotApiEmulator({ webhookRetryMs: 2, webhookMaxRetryMs: 10, ...options });
  api = new Api(TOKEN, { apiRoot: emu.apiRoot });
}

async function receiver(port = 0): Promise<Receiver> {
  const started = await Receiver.start(port);
  receivers.push(started);
  return started;
}

beforeEach(async () => {
  await startEmulator();
});

afterEach(async () => {
  await emu.close();
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
});

async function apiError(promise: Promise<unknown>): Promise<GrammyError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GrammyError);
    return error as GrammyError;
  }
  throw new Error("expected the call to fail");
}

const pending = () => emu.pendingUpdates(TOKEN).length;

describe("setting the webhook", () => {
  it("refuses getUpdates while a webhook is set, and ends a waiting long poll", async () => {
    const hook = await receiver();
    const poll = apiError(api.getUpdates({ timeout: 30 }));
    await emu.waitFor(() => emu.requests.includes("getUpdates"));
    expect(await api.setWebhook(hook.url)).toBe(true);
    expect(await poll).toMatchObject({ error_code: 409, description: "Conflict: terminated by setWebhook request" });

    const error = await apiError(api.getUpdates());
    expect(error.error_code).toBe(409);
    expect(error.description).toBe(
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  });

  it("validates the secret token and the URL in Telegram's words; an empty url deletes the webhook", async () => {
    const hook = await receiver();
    for (const secret of ["has space", "x".repeat(257), "ünïcode"]) {
      const error = await apiError(api.setWebhook(hook.url, { secret_token: secret }));
      expect(error.error_code).toBe(400);
      expect(error.description).toBe("Bad Request: secret token contains unallowed characters");
    }
    for (const url of ["not a url", "ftp://example.com/hook"]) {
      const error = await apiError(api.setWebhook(url));
      expect(error.error_code).toBe(400);
      expect(error.description).toMatch(/^Bad Request: bad webhook: /);
    }
    expect((await api.getWebhookInfo()).url).toBe("");

    await api.setWebhook(hook.url, { secret_token: "x".repeat(256) });
    expect((await api.getWebhookInfo()).url).toBe(hook.url);
    await api.setWebhook("");
    expect((await api.getWebhookInfo()).url).toBe("");
    expect(await api.getUpdates()).toEqual([]);
  });

  it("getWebhookInfo reports the settings, the pending updates and the last error", async () => {
    expect(await api.getWebhookInfo()).toEqual({ url: "", has_custom_certificate: false, pending_update_count: 0 });

    const hook = await receiver();
    hook.handle = (request) => request.answer(500);
    emu.sendMessage(TOKEN, { from: lan, text: "một" });
    emu.sendMessage(TOKEN, { from: lan, text: "hai" });
    await api.setWebhook(hook.url, { max_connections: 7, allowed_updates: ["message", "callback_query"] });
    await emu.waitFor(() => emu.webhookAttempts(TOKEN).length > 0);

    const info = await api.getWebhookInfo();
    expect(info).toEqual({
      url: hook.url,
      has_custom_certificate: false,
      pending_update_count: 2,
      max_connections: 7,
      allowed_updates: ["message", "callback_query"],
      last_error_date: expect.any(Number),
      last_error_message: "Wrong response from the webhook: 500 Internal Server Error",
    });
    expect(Math.abs(info.last_error_date! - Date.now() / 1000)).toBeLessThan(60);

    // Out-of-range connection limits are clamped, as Telegram does.
    await api.setWebhook(hook.url, { max_connections: 1000 });
    expect((await api.getWebhookInfo()).max_connections).toBe(100);
  });

  it("drop_pending_updates empties the queue on setWebhook and on deleteWebhook", async () => {
    const hook = await receiver();
    emu.sendMessage(TOKEN, { from: lan, text: "cũ" });
    await api.setWebhook(hook.url, { drop_pending_updates: true });
    expect((await api.getWebhookInfo()).pending_update_count).toBe(0);

    hook.handle = () => {}; // never answers: the update stays queued
    emu.sendMessage(TOKEN, { from: lan, text: "mới" });
    await hook.until(() => hook.received.length === 1);
    await api.deleteWebhook({ drop_pending_updates: true });
    expect(await api.getUpdates()).toEqual([]);
    expect(hook.updateIds).toEqual([2]);
  });
});

describe("delivery", () => {
  it("POSTs each update as JSON with the secret header; delivered updates leave the queue", async () => {
    const hook = await receiver();
    await api.setWebhook(hook.url, { secret_token: SECRET });
    const { update } = emu.sendMessage(TOKEN, { from: lan, text: "/start" });

    await hook.until(() => hook.received.length === 1);
    const [request] = hook.received;
    expect(request!.update).toEqual(update);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-telegram-bot-api-secret-token"]).toBe(SECRET);
    await emu.waitFor(() => pending() === 0);
    expect(emu.webhookAttempts(TOKEN)).toEqual([{ token: TOKEN, url: hook.url, updateId: 1, outcome: 200 }]);
    expect((await api.getWebhookInfo()).last_error_message).toBeUndefined();
  });

  it("sends no secret header when no secret is set", async () => {
    const hook = await receiver();
    await api.setWebhook(hook.url);
    emu.sendMessage(TOKEN, { from: lan, text: "hi" });
    await hook.until(() => hook.received.length === 1);
    expect(hook.received[0]!.headers["x-telegram-bot-api-secret-token"]).toBeUndefined();
  });

  it("retries an update answered with 401 until a 2xx, keeping it pending and the chat's next one back", async () => {
    const hook = await receiver();
    let accepting = false;
    hook.handle = (request) => request.answer(accepting ? 200 : 401);
    await api.setWebhook(hook.url, { secret_token: SECRET });
    emu.sendMessage(TOKEN, { from: lan, text: "một" });
    emu.sendMessage(TOKEN, { from: lan, text: "hai" });

    await emu.waitFor(() => emu.webhookAttempts(TOKEN).length >= 3);
    expect(await api.getWebhookInfo()).toMatchObject({
      pending_update_count: 2,
      last_error_message: "Wrong response from the webhook: 401 Unauthorized",
    });
    accepting = true;

    await emu.waitFor(() => pending() === 0);
    // Update 2 went only after update 1 was accepted, and each went once it was.
    const ids = hook.updateIds;
    expect(ids.slice(0, -1).every((id) => id === 1)).toBe(true);
    expect(ids.at(-1)).toBe(2);
    const outcomes = emu.webhookAttempts(TOKEN).map((a) => a.outcome);
    expect(outcomes.slice(0, -2).every((outcome) => outcome === 401)).toBe(true);
    expect(outcomes.slice(-2)).toEqual([200, 200]);
  });

  it("waits longer after each failure, doubling up to the maximum", async () => {
    await startEmulator({ webhookRetryMs: 20, webhookMaxRetryMs: 40 });
    const hook = await receiver();
    const arrivals: number[] = [];
    hook.handle = (request) => {
      arrivals.push(performance.now());
      request.answer(arrivals.length <= 4 ? 500 : 200);
    };
    await api.setWebhook(hook.url);
    emu.sendMessage(TOKEN, { from: lan, text: "một" });
    await emu.waitFor(() => pending() === 0);

    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    // Lower bounds only (timers never fire early, a busy machine only adds); 1 ms for timer rounding.
    expect(gaps.map((gap, i) => gap >= [20, 40, 40, 40][i]! - 1)).toEqual([true, true, true, true]);
  });

  it("retries after a refused connection, and loses nothing once the receiver is back", async () => {
    const first = await receiver();
    const port = first.port;
    const url = first.url;
    await first.stop();

    await api.setWebhook(url);
    emu.sendMessage(TOKEN, { from: lan, text: "một" });
    emu.sendMessage(TOKEN, { from: minh, text: "hai" });
    emu.sendMessage(TOKEN, { from: lan, text: "ba" });
    await emu.waitFor(() => emu.webhookAttempts(TOKEN).length >= 2);
    expect(emu.webhookAttempts(TOKEN).every((a) => a.outcome === "network error")).toBe(true);
    expect(await api.getWebhookInfo()).toMatchObject({
      pending_update_count: 3,
      last_error_message: "Connection refused",
    });

    const back = await receiver(port);
    await emu.waitFor(() => pending() === 0);
    expect([...back.updateIds].sort()).toEqual([1, 2, 3]);
    expect(back.updateIds.indexOf(1)).toBeLessThan(back.updateIds.indexOf(3));
  });

  it("counts a missing answer as failed after the timeout and retries", async () => {
    await startEmulator({ webhookRetryMs: 2, webhookTimeoutMs: 100 });
    const hook = await receiver();
    hook.handle = (request) => {
      if (hook.received.length > 1) request.answer();
    };
    await api.setWebhook(hook.url);
    emu.sendMessage(TOKEN, { from: lan, text: "một" });
    await emu.waitFor(() => pending() === 0);
    // A machine under load may let a later answer miss the deadline too; the first one surely did.
    const outcomes = emu.webhookAttempts(TOKEN).map((a) => a.outcome);
    expect(outcomes.slice(0, -1).every((outcome) => outcome === "timeout")).toBe(true);
    expect(outcomes.at(-1)).toBe(200);
    await hook.until(() => hook.received[0]!.abandoned);
    expect((await api.getWebhookInfo()).last_error_message).toBe("Read timeout expired");
  });

  it("keeps each chat in order while a slow chat does not hold up the others", async () => {
    const hook = await receiver();
    const heldForLan: Received[] = [];
    hook.handle = (request) => {
      if (request.update.message?.chat.id === lan.id) heldForLan.push(request);
      else request.answer();
    };
    await api.setWebhook(hook.url);
    emu.sendMessage(TOKEN, { from: lan, text: "lan 1" }); // 1
    emu.sendMessage(TOKEN, { from: minh, text: "minh 1" }); // 2
    emu.sendMessage(TOKEN, { from: lan, text: "lan 2" }); // 3
    emu.sendMessage(TOKEN, { from: minh, text: "minh 2" }); // 4
    emu.sendMessage(TOKEN, { from: minh, text: "minh 3" }); // 5

    // Minh's updates all get through while Lan's first one is still unanswered…
    await emu.waitFor(() => emu.pendingUpdates(TOKEN).every((u) => u.message?.chat.id === lan.id));
    // Lan's and Minh's first updates went in parallel, so either may have arrived first.
    expect([...hook.updateIds].sort()).toEqual([1, 2, 4, 5]);
    expect(hook.updateIds.filter((id) => id !== 1)).toEqual([2, 4, 5]);
    expect(heldForLan).toHaveLength(1);
    // …and Lan's second one goes only after her first one was answered.
    heldForLan[0]!.answer();
    await hook.until(() => heldForLan.length === 2);
    expect(heldForLan.map((r) => r.update.message?.text)).toEqual(["lan 1", "lan 2"]);
    heldForLan[1]!.answer();
    await emu.waitFor(() => pending() === 0);
  });

  it("orders my_chat_member with its group and button presses with their chat", async () => {
    const hook = await receiver();
    const held = new Map<number, Received>();
    hook.handle = (request) => held.set(request.update.update_id, request);
    await api.setWebhook(hook.url);
    const group = { id: -100500, type: "group" as const, title: "Chi bộ 1" };
    emu.addBotToGroup(TOKEN, { chat: group, by: lan }); // 1: my_chat_member, 2: new_chat_members
    emu.sendMessage(TOKEN, { from: lan, text: "xin chào" }); // 3
    const menu = await api.sendMessage(lan.id, "Chọn", { reply_markup: new InlineKeyboard().text("Xong", "done") });
    emu.pressButton(TOKEN, { from: lan, message: menu, data: "done" }); // 4

    // One request per chat at a time: the group's message waits for its my_chat_member, the press for "xin chào".
    await hook.until(() => held.size === 2);
    expect([...held.keys()].sort()).toEqual([1, 3]);
    held.get(1)!.answer();
    await hook.until(() => held.has(2));
    expect(held.has(4)).toBe(false);
    held.get(3)!.answer();
    await hook.until(() => held.has(4));
    expect(held.get(4)!.update.callback_query?.data).toBe("done");
  });

  it("never has more than max_connections requests open", async () => {
    const hook = await receiver();
    const waiting: Received[] = [];
    hook.handle = (request) => waiting.push(request);
    await api.setWebhook(hook.url, { max_connections: 2 });
    for (const [i, from] of [lan, minh, hoa, lan, minh, hoa, lan, minh, hoa].entries()) {
      emu.sendMessage(TOKEN, { from, text: `tin ${i}` });
    }
    await hook.until(() => hook.open === 2);

    // From now on each answer comes a moment after its request, so requests of different chats overlap.
    hook.handle = (request) => setTimeout(() => request.answer(), 1);
    for (const request of waiting.splice(0)) request.answer();
    await emu.waitFor(() => pending() === 0);
    expect(hook.peak).toBe(2);
    expect(hook.updateIds).toHaveLength(9);
  });

  it("deleteWebhook stops delivery and getUpdates then returns what was not delivered", async () => {
    const hook = await receiver();
    hook.handle = (request) => {
      if (request.update.message?.chat.id === minh.id) request.answer();
    };
    await api.setWebhook(hook.url);
    emu.sendMessage(TOKEN, { from: lan, text: "một" });
    emu.sendMessage(TOKEN, { from: minh, text: "hai" });
    emu.sendMessage(TOKEN, { from: lan, text: "ba" });
    await emu.waitFor(() => pending() === 2);

    expect(await api.deleteWebhook()).toBe(true);
    await hook.until(() => hook.received.find((r) => r.update.update_id === 1)!.abandoned);
    emu.sendMessage(TOKEN, { from: minh, text: "bốn" });
    const updates = await api.getUpdates();
    expect(updates.map((u) => u.message?.text)).toEqual(["một", "ba", "bốn"]);
    expect([...hook.updateIds].sort()).toEqual([1, 2]);
    expect(await api.getWebhookInfo()).toEqual({ url: "", has_custom_certificate: false, pending_update_count: 3 });
  });

  it("a new setWebhook abandons the old URL and redelivers its open updates to the new one", async () => {
    const old = await receiver();
    old.handle = () => {};
    await api.setWebhook(old.url);
    emu.sendMessage(TOKEN, { from: lan, text: "một" });
    await old.until(() => old.received.length === 1);

    const fresh = await receiver();
    await api.setWebhook(fresh.url);
    await emu.waitFor(() => pending() === 0);
    await old.until(() => old.received[0]!.abandoned);
    expect(fresh.updateIds).toEqual([1]);
    expect(emu.webhookAttempts(TOKEN)).toEqual([{ token: TOKEN, url: fresh.url, updateId: 1, outcome: 200 }]);
  });

  it("setting the same webhook again leaves deliveries under way alone", async () => {
    const hook = await receiver();
    const held: Received[] = [];
    hook.handle = (request) => held.push(request);
    const options = { secret_token: SECRET, max_connections: 5, allowed_updates: ["message" as const] };
    await api.setWebhook(hook.url, options);
    emu.sendMessage(TOKEN, { from: lan, text: "một" });
    await hook.until(() => held.length === 1);

    await api.setWebhook(hook.url, options);
    held[0]!.answer();
    await emu.waitFor(() => pending() === 0);
    expect(held[0]!.abandoned).toBe(false);
    expect(hook.updateIds).toEqual([1]);
  });

  it("close() resolves with requests in flight and retries pending, and nothing is sent afterwards", async () => {
    const hook = await receiver();
    const held: Received[] = [];
    hook.handle = (request) => {
      if (request.update.message?.chat.id === lan.id) held.push(request);
      else request.answer(500);
    };
    await api.setWebhook(hook.url);
    emu.sendMessage(TOKEN, { from: lan, text: "một" });
    emu.sendMessage(TOKEN, { from: minh, text: "hai" });
    // Lan's request is open; Minh's update has just failed (again) and waits for its retry.
    await hook.until(() => held.length === 1);
    await emu.waitFor(() => emu.webhookAttempts(TOKEN).length >= 2);

    await emu.close();
    await hook.until(() => held[0]!.abandoned);
    const seen = hook.received.length;
    const attempts = emu.webhookAttempts(TOKEN).length;
    // Retries come every 2-10 ms: a retry left running would have fired by now.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(hook.received.length).toBe(seen);
    expect(emu.webhookAttempts(TOKEN)).toHaveLength(attempts);
  });
});

describe("a grammY bot in webhook mode", () => {
  it("answers users through its webhook, and the secret keeps other senders out", async () => {
    const bot = new Bot(TOKEN, { client: { apiRoot: emu.apiRoot } });
    bot.on("message:text", (ctx) => ctx.reply(`Đã nhận: ${ctx.message.text}`));
    await bot.init();
    const handleUpdate = webhookCallback(bot, "http", { secretToken: SECRET });
    const server = createServer((req, res) => void handleUpdate(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      // A wrong secret: grammY refuses the update and the emulator keeps it.
      await bot.api.setWebhook(url, { secret_token: "wrong" });
      emu.sendMessage(TOKEN, { from: lan, text: "xin chào" });
      await emu.waitFor(() => emu.webhookAttempts(TOKEN).length > 0);
      expect((await bot.api.getWebhookInfo()).last_error_message).toBe(
        "Wrong response from the webhook: 401 Unauthorized",
      );
      expect(pending()).toBe(1);

      await bot.api.setWebhook(url, { secret_token: SECRET });
      const [reply] = await emu.waitForBotMessages(lan.id, 1);
      expect(reply!.text).toBe("Đã nhận: xin chào");
      await emu.waitFor(() => pending() === 0);
    } finally {
      await emu.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
