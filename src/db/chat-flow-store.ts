// The state of a guided conversation, one per user and chat, kept in the database so that a restart in
// the middle of a flow loses nothing.
import type { Prisma, PrismaClient } from "@prisma/client";

export interface StoredFlow<S> {
  kind: string;
  state: S;
  expiresAt: Date;
  /** The bot waits for the person's answer (default): reminders and notices are held meanwhile. */
  awaitingAnswer?: boolean;
}

export async function loadFlow<S>(prisma: PrismaClient, chatId: number, userId: number): Promise<StoredFlow<S> | null> {
  const row = await prisma.chatFlow.findUnique({ where: { chatId_userId: { chatId: BigInt(chatId), userId: BigInt(userId) } } });
  return row ? { kind: row.kind, state: row.state as S, expiresAt: row.expiresAt } : null;
}

export async function saveFlow<S>(prisma: PrismaClient, chatId: number, userId: number, flow: StoredFlow<S>): Promise<void> {
  const key = { chatId: BigInt(chatId), userId: BigInt(userId) };
  const data = { kind: flow.kind, state: flow.state as Prisma.InputJsonValue, expiresAt: flow.expiresAt, awaitingAnswer: flow.awaitingAnswer ?? true };
  await prisma.chatFlow.upsert({ where: { chatId_userId: key }, create: { ...key, ...data }, update: data });
}

export async function deleteFlow(prisma: PrismaClient, chatId: number, userId: number): Promise<void> {
  await prisma.chatFlow.deleteMany({ where: { chatId: BigInt(chatId), userId: BigInt(userId) } });
}
