// Web Push: the browsers people allowed notifications in, and the server's VAPID key pair.
import type { PrismaClient } from "@prisma/client";

export interface PushSubscriptionKeys {
  endpoint: string;
  /** The browser's P-256 public key and auth secret, base64url, as PushSubscription.toJSON() gives them. */
  p256dh: string;
  auth: string;
}

export interface StoredPushSubscription extends PushSubscriptionKeys {
  id: number;
  personId: number;
}

/**
 * Keeps the browser's subscription for the person. The endpoint is the browser's: if someone else signed
 * in on it before and allowed notifications, it is theirs no longer (one browser, one person).
 */
export async function saveSubscription(
  prisma: PrismaClient,
  personId: number,
  subscription: PushSubscriptionKeys,
  now: Date,
): Promise<void> {
  await prisma.webPushSubscription.upsert({
    where: { endpoint: subscription.endpoint },
    create: { personId, ...subscription, createdAt: now },
    update: { personId, p256dh: subscription.p256dh, auth: subscription.auth, createdAt: now },
  });
}

/** Removes the person's subscriptions: one browser's (by endpoint), or all. Returns how many. */
export async function removeSubscriptions(
  prisma: PrismaClient,
  personId: number,
  endpoint: string | null,
): Promise<number> {
  const result = await prisma.webPushSubscription.deleteMany({
    where: { personId, ...(endpoint !== null && { endpoint }) },
  });
  return result.count;
}

/** A push service said the subscription is gone (404, 410) or not ours (403): it is dropped. */
export async function dropSubscription(prisma: PrismaClient, id: number): Promise<void> {
  await prisma.webPushSubscription.deleteMany({ where: { id } });
}

export async function markSubscriptionsUsed(prisma: PrismaClient, ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await prisma.webPushSubscription.updateMany({ where: { id: { in: [...ids] } }, data: { lastSentAt: now } });
}

export async function subscriptionsOf(prisma: PrismaClient, personId: number): Promise<StoredPushSubscription[]> {
  return prisma.webPushSubscription.findMany({
    where: { personId },
    orderBy: { id: "asc" },
    select: { id: true, personId: true, endpoint: true, p256dh: true, auth: true },
  });
}

/** Of these people, those with a browser that allowed notifications, and since when (the earliest). */
export async function pushRecipients(prisma: PrismaClient, personIds: readonly number[]): Promise<Map<number, Date>> {
  if (personIds.length === 0) return new Map();
  const rows = await prisma.webPushSubscription.groupBy({
    by: ["personId"],
    where: { personId: { in: [...new Set(personIds)] } },
    _min: { createdAt: true },
  });
  return new Map(rows.map((row) => [row.personId, row._min.createdAt!]));
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The server's VAPID keys: made once (`generate`) and stored, so every instance and every restart signs
 * with the key the browsers subscribed to. Two instances starting at once keep the first one written.
 */
export async function vapidKeys(prisma: PrismaClient, generate: () => VapidKeys): Promise<VapidKeys> {
  const stored = await prisma.webPushKey.findUnique({ where: { id: 1 } });
  if (stored) return { publicKey: stored.publicKey, privateKey: stored.privateKey };
  const made = generate();
  await prisma.webPushKey.createMany({ data: [{ id: 1, ...made }], skipDuplicates: true });
  const kept = await prisma.webPushKey.findUniqueOrThrow({ where: { id: 1 } });
  return { publicKey: kept.publicKey, privateKey: kept.privateKey };
}
