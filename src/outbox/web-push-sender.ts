// Drains the outbox's Web Push rows (channel `webpush`) to the browsers each person allowed notifications
// in. The web-push library signs (VAPID) and encrypts (aes128gcm) each request; the request itself goes out
// with fetch: a timeout under the claim's lease, no redirects (an endpoint cannot send us elsewhere).
//
// A row is `sent` once a push service accepted it for at least one of the person's browsers. A browser
// whose push service answers 404 or 410 (unsubscribed, expired) or 403 (not our key) is dropped; network
// errors, 429 and 5xx are tried again with backoff; a person left with no browser fails the row ("no
// browser"), which `outbox status` shows.
import type { PrismaClient } from "@prisma/client";
import webPush from "web-push";
import { systemClock, type Clock } from "../clock.js";
import {
  claimDue,
  markFailed,
  markRetry,
  markSentMany,
  type ClaimedMessage,
  type PushNotification,
} from "../db/outbox-store.js";
import {
  dropSubscription,
  markSubscriptionsUsed,
  subscriptionsOf,
  type StoredPushSubscription,
  type VapidKeys,
} from "../db/web-push-store.js";
import type { Logger } from "../logger.js";
import { backoffMs, type ChannelSender, type DrainResult } from "./sender.js";
import { senderLoop } from "./sender-loop.js";

export interface WebPushSenderOptions {
  prisma: PrismaClient;
  logger: Logger;
  clock?: Clock;
  vapid: VapidKeys & {
    /** Who runs this server, for push services: a mailto: or https: address. */
    subject: string;
  };
  batchSize?: number;
  leaseMs?: number;
  idleMs?: number;
  maxAttempts?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** A request to a push service gives up after this long (default 20 s, under the 60 s lease). */
  timeoutMs?: number;
}

type BrowserOutcome = "accepted" | "gone" | "transient" | "refused";

/** How long a push service keeps a notification for a browser that is offline: a day, like the reminder. */
const ttlSeconds = 24 * 3600;

export function createWebPushSender(options: WebPushSenderOptions): ChannelSender {
  const { prisma, logger } = options;
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const idleMs = options.idleMs ?? 250;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? { baseMs: 1000, maxMs: 5 * 60_000 };
  const timeoutMs = options.timeoutMs ?? 20_000;
  const now = () => clock.now().getTime();

  async function push(browser: StoredPushSubscription, notification: PushNotification): Promise<BrowserOutcome> {
    const request = webPush.generateRequestDetails(
      { endpoint: browser.endpoint, keys: { p256dh: browser.p256dh, auth: browser.auth } },
      // The path alone: the service worker opens it on the site it was installed from.
      JSON.stringify(notification),
      {
        vapidDetails: options.vapid,
        TTL: ttlSeconds,
        contentEncoding: "aes128gcm",
        urgency: "normal",
      },
    );
    try {
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body as Buffer,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (response.status >= 200 && response.status < 300) return "accepted";
      if (response.status === 404 || response.status === 410 || response.status === 403) return "gone";
      if (response.status === 429 || response.status >= 500) return "transient";
      return "refused";
    } catch (error) {
      logger.info({ err: error, subscriptionId: browser.id }, "web push: request failed");
      return "transient";
    }
  }

  /** Sends to each of the person's browsers; true when one accepted it, else the row's failure is recorded. */
  async function deliver(message: ClaimedMessage, result: DrainResult): Promise<boolean> {
    const notification = message.payload.params as unknown as PushNotification;
    const browsers = await subscriptionsOf(prisma, message.chatId);
    const outcomes = await Promise.all(browsers.map((browser) => push(browser, notification)));
    const accepted: number[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const browser = browsers[index]!;
      if (outcome === "accepted") accepted.push(browser.id);
      if (outcome === "gone") {
        await dropSubscription(prisma, browser.id);
        logger.info({ personId: message.chatId, subscriptionId: browser.id }, "web push: browser unsubscribed");
      }
    }
    if (accepted.length > 0) {
      await markSubscriptionsUsed(prisma, accepted, clock.now());
      return true;
    }
    const fields = {
      outboxId: message.id,
      personId: message.chatId,
      kind: message.kind,
      attempt: message.attempts + 1,
    };
    const retry = outcomes.includes("transient");
    if (!retry || message.attempts + 1 >= maxAttempts) {
      const error = browsers.length === 0 || outcomes.every((outcome) => outcome === "gone") ? "no browser" : "refused";
      await markFailed(prisma, message, `web push: ${error}`, clock.now());
      result.failed++;
      logger.warn({ ...fields, error }, "web push: message failed permanently");
      return false;
    }
    const delay = backoffMs(message.attempts + 1, backoff);
    await markRetry(prisma, message, new Date(now() + delay), "web push: push service unreachable");
    result.retried++;
    return false;
  }

  async function drain(): Promise<DrainResult> {
    const result: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    const claimed = await claimDue(prisma, { limit: batchSize, now: new Date(now()), leaseMs, channel: "webpush" });
    result.claimed = claimed.length;
    const accepted: { message: ClaimedMessage; messageId: null }[] = [];
    await Promise.all(
      claimed.map(async (message) => {
        try {
          if (await deliver(message, result)) accepted.push({ message, messageId: null });
        } catch (error) {
          // The database failed while recording; the claim expires and the row is tried again.
          logger.error({ err: error, outboxId: message.id }, "web push: could not record a send");
        }
      }),
    );
    result.sent += (await markSentMany(prisma, accepted, clock.now())).size;
    return result;
  }

  return senderLoop({ drain, idleFor: () => idleMs, failedRoundMs: Math.max(idleMs, 1000), logger, name: "web push" });
}
