// Notifications in the browser (Web Push): a signed-in person allows them in a browser (the page's script
// hands the browser's subscription here), sees how many browsers have them on, and turns them off. From
// then on their reminders and digests go there instead of Telegram (src/usecases/reminders.ts,
// daily-digest.ts), through the outbox and src/outbox/web-push-sender.ts.
import { z } from "zod";
import { removeSubscriptions, saveSubscription, subscriptionsOf } from "../db/web-push-store.js";
import { isAllowedPushEndpoint } from "../domain/push-endpoint.js";
import type { UseCaseDeps } from "./deps.js";

/** PushSubscription.toJSON(): an endpoint, a P-256 public key (65 bytes) and an auth secret (16 bytes), base64url. */
const subscriptionSchema = z.object({
  endpoint: z.string().max(1000),
  p256dh: z.string().regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/),
  auth: z.string().regex(/^[A-Za-z0-9_-]{22,24}={0,2}$/),
});

export type AllowOutcome = { status: "allowed" } | { status: "invalid" } | { status: "endpoint-refused" };

export async function allowNotifications(
  deps: UseCaseDeps,
  input: { personId: number; subscription: Record<string, unknown>; allowedOrigins: readonly string[] },
): Promise<AllowOutcome> {
  const parsed = subscriptionSchema.safeParse(input.subscription);
  if (!parsed.success) return { status: "invalid" };
  if (!isAllowedPushEndpoint(parsed.data.endpoint, input.allowedOrigins)) return { status: "endpoint-refused" };
  await saveSubscription(
    deps.prisma,
    input.personId,
    { ...parsed.data, p256dh: parsed.data.p256dh.replace(/=+$/, ""), auth: parsed.data.auth.replace(/=+$/, "") },
    deps.clock.now(),
  );
  return { status: "allowed" };
}

/** Turns notifications off in every browser of the person; returns how many there were. */
export async function stopNotifications(deps: UseCaseDeps, input: { personId: number }): Promise<number> {
  return removeSubscriptions(deps.prisma, input.personId, null);
}

/** How many browsers the person allowed notifications in. */
export async function notificationBrowsers(deps: UseCaseDeps, input: { personId: number }): Promise<number> {
  return (await subscriptionsOf(deps.prisma, input.personId)).length;
}
