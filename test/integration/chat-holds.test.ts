// How instances on one PostgreSQL database share the stored updates (src/db/update-store.ts): a chat is held
// by one instance at a time, holds taken at the same moment never overlap, and the chats of an instance
// that is gone (its liveness lock dropped) are free at once, while a live instance's hold lasts its lease.
// The instances here are connections of this process, each with its own pool, as separate processes would be.
import type { Update } from "grammy/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.js";
import { holdChatsAndRead, releaseChat, renewHolds, storeUpdates } from "../../src/db/update-store.js";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database.js";

const lease = 30;
const textUpdate = (updateId: number, chatId: number): Update => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: 1_600_000_000,
    chat: { id: chatId, type: "private", first_name: "Lan" },
    from: { id: chatId, is_bot: false, first_name: "Lan" },
    text: `tin ${updateId}`,
  },
});

describe.skipIf(testDatabaseKind !== "postgres")("chats held by instances on PostgreSQL", () => {
  let db: TestDatabase;
  let a: Database;
  let b: Database;
  const holderA = { instanceId: "host-a:1:aaaa", leaseSeconds: lease };
  const holderB = { instanceId: "host-b:2:bbbb", leaseSeconds: lease };

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await openDatabase({ kind: "postgres", url: db.url! });
    b = await openDatabase({ kind: "postgres", url: db.url! });
  });
  beforeEach(async () => {
    await db.database.sql.exec(`TRUNCATE telegram_updates, telegram_chat_holds`);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it("when two instances hold chats at the same moment, then each chat goes to one of them, with all its updates in order", async () => {
    const chats = Array.from({ length: 40 }, (_, i) => 900_000 + i);
    // Three updates per chat, interleaved as they would arrive.
    await storeUpdates(
      db.database.prisma,
      [0, 1, 2].flatMap((round) => chats.map((chat, i) => textUpdate(1 + round * 100 + i, chat))),
    );
    const releaseA = await a.lockInstance!(holderA.instanceId);
    const releaseB = await b.lockInstance!(holderB.instanceId);
    const [byA, byB] = await Promise.all([
      holdChatsAndRead(a.prisma, holderA, 30),
      holdChatsAndRead(b.prisma, holderB, 30),
    ]);
    const chatsOf = (rows: typeof byA) => new Set(rows.map((row) => row.chatKey));
    const overlap = [...chatsOf(byA)].filter((chat) => chatsOf(byB).has(chat));
    expect(overlap).toEqual([]);
    expect(chatsOf(byA).size + chatsOf(byB).size).toBe(chats.length);
    for (const rows of [byA, byB])
      for (const chat of chatsOf(rows)) {
        const ids = rows.filter((row) => row.chatKey === chat).map((row) => row.updateId);
        expect(ids).toHaveLength(3);
        expect(ids).toEqual([...ids].sort((x, y) => x - y));
      }
    await releaseA();
    await releaseB();
  });

  it("when a chat is held by a live instance, then no one else takes it until it lets go, and then the other finds its new update", async () => {
    await storeUpdates(db.database.prisma, [textUpdate(1, 910_001)]);
    const releaseA = await a.lockInstance!(holderA.instanceId);
    const releaseB = await b.lockInstance!(holderB.instanceId);
    expect((await holdChatsAndRead(a.prisma, holderA, 10)).map((row) => row.updateId)).toEqual([1]);
    // Another update of the chat arrives (at B's webhook): B cannot take the chat while A holds it.
    await storeUpdates(b.prisma, [textUpdate(2, 910_001)]);
    expect(await holdChatsAndRead(b.prisma, holderB, 10)).toEqual([]);
    expect(await renewHolds(a.prisma, holderA)).toEqual(new Set(["910001"]));
    // A handled update 1 and lets go: it learns that the chat has an update left, which B can now take.
    await a.prisma.telegramUpdate.update({ where: { updateId: 1n }, data: { processedAt: new Date() } });
    expect(await releaseChat(a.prisma, holderA.instanceId, "910001")).toBe(true);
    expect((await holdChatsAndRead(b.prisma, holderB, 10)).map((row) => row.updateId)).toEqual([2]);
    await releaseA();
    await releaseB();
  });

  it("when the instance holding a chat is gone, then another takes the chat at once, long before the hold runs out", async () => {
    await storeUpdates(db.database.prisma, [textUpdate(1, 920_001)]);
    const releaseA = await a.lockInstance!(holderA.instanceId);
    const releaseB = await b.lockInstance!(holderB.instanceId);
    expect(await holdChatsAndRead(a.prisma, holderA, 10)).toHaveLength(1);
    expect(await holdChatsAndRead(b.prisma, holderB, 10)).toEqual([]);
    // A's process dies: the server drops its connection, and the lock with it.
    await releaseA();
    const taken = await holdChatsAndRead(b.prisma, holderB, 10);
    expect(taken.map((row) => row.updateId)).toEqual([1]);
    const [hold] = await db.database.sql.query(`SELECT "heldBy", "heldUntil" > now() AS held FROM telegram_chat_holds`);
    expect(hold).toEqual({ heldBy: holderB.instanceId, held: true });
    // A, had it lived on, would find at its next renewal that the chat is no longer its own.
    expect(await renewHolds(a.prisma, holderA)).toEqual(new Set());
    await releaseB();
  });
});
