// The state of a guided conversation, one per user and chat, kept in the database so that a restart in
// the middle of a flow loses nothing.
import { Prisma, type PrismaClient } from "@prisma/client";
import { driverSql } from "./driver-sql.js";

export interface StoredFlow<S> {
  kind: string;
  state: S;
  expiresAt: Date;
  /** The bot waits for the person's answer (default): reminders and notices are held meanwhile. */
  awaitingAnswer?: boolean;
}

// Read and written on most updates, so on the driver (src/db/driver-sql.ts).
export async function loadFlow<S>(prisma: PrismaClient, chatId: number, userId: number): Promise<StoredFlow<S> | null> {
  const [row] = await driverSql(prisma).rows<{ kind: string; state: S; expiresAt: Date }>(Prisma.sql`
    SELECT kind, state, "expiresAt" FROM chat_flows WHERE "chatId" = ${BigInt(chatId)}::bigint AND "userId" = ${BigInt(userId)}::bigint`);
  return row ? { kind: row.kind, state: row.state, expiresAt: row.expiresAt } : null;
}

export async function saveFlow<S>(
  prisma: PrismaClient,
  chatId: number,
  userId: number,
  flow: StoredFlow<S>,
): Promise<void> {
  await driverSql(prisma).execute(Prisma.sql`
    INSERT INTO chat_flows ("chatId", "userId", kind, state, "expiresAt", "awaitingAnswer", "updatedAt")
    VALUES (${BigInt(chatId)}::bigint, ${BigInt(userId)}::bigint, ${flow.kind}, ${JSON.stringify(flow.state)}::jsonb, ${flow.expiresAt}::timestamp,
            ${flow.awaitingAnswer ?? true}, ${new Date()}::timestamp)
    ON CONFLICT ("chatId", "userId") DO UPDATE
    SET kind = EXCLUDED.kind, state = EXCLUDED.state, "expiresAt" = EXCLUDED."expiresAt",
        "awaitingAnswer" = EXCLUDED."awaitingAnswer", "updatedAt" = EXCLUDED."updatedAt"`);
}

export async function deleteFlow(prisma: PrismaClient, chatId: number, userId: number): Promise<void> {
  await driverSql(prisma).execute(
    Prisma.sql`DELETE FROM chat_flows WHERE "chatId" = ${BigInt(chatId)}::bigint AND "userId" = ${BigInt(userId)}::bigint`,
  );
}
