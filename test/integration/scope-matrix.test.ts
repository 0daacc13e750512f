// One scope rule behind every command and button (issue 12): each person runs /tiendo, the /tiendo
// button, /xuat, /moi, /malienket, /hoan and /baocao on the ward GT, its cell GT-07, and the other ward's
// cell NT-01, through the real bot. The expected outcome is this file's own table, written from how the
// office works, not computed by the rule; an allowed command shows its result (a screen, a workbook, an
// invite link, a link code, a pause, a report card), a refused one answers and changes nothing.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { screenCallback } from "../../src/domain/progress-view.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const vi = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");

type Command = "view" | "view-button" | "export" | "invite" | "link" | "pause" | "report";
type Actor =
  | "adminOfNT"
  | "standingOfDistrict"
  | "adminOfDistrict"
  | "secretaryOfGT"
  | "secretaryOfCell"
  | "groupLeaderOfGT";

const phones: Record<Actor, string> = {
  adminOfNT: "+84909000111", // added below: admin of the other ward, NT
  standingOfDistrict: "+84909000222", // added below: standing committee member of the district, nothing else
  adminOfDistrict: "+84906777888", // Lan
  secretaryOfGT: "+84904111222", // Cường, secretary (and reporter) of GT
  secretaryOfCell: "+84912345678", // An, secretary of GT-07
  groupLeaderOfGT: "+84905555666", // Hà, standing member who also leads the group following GT
};

const every: Command[] = ["view", "view-button", "export", "invite", "link", "pause", "report"];
/** What each person may do on each unit; anything not listed is refused. */
const allowed: Record<Actor, Record<"GT" | "GT-07" | "NT-01", Command[]>> = {
  // The other ward's admin: everything in NT, nothing in GT.
  adminOfNT: { GT: [], "GT-07": [], "NT-01": every },
  // The district's standing committee follows, exports and postpones everywhere; it neither invites, links nor reports.
  standingOfDistrict: {
    GT: ["view", "view-button", "export", "pause"],
    "GT-07": ["view", "view-button", "export", "pause"],
    "NT-01": ["view", "view-button", "export", "pause"],
  },
  adminOfDistrict: { GT: every, "GT-07": every, "NT-01": every },
  // A ward's secretary (with reporter) sees and exports the ward, reports for it and its cells.
  secretaryOfGT: {
    GT: ["view", "view-button", "export", "report"],
    "GT-07": ["view", "view-button", "export", "report"],
    "NT-01": [],
  },
  // A cell's secretary sees and reports for the cell only.
  secretaryOfCell: { GT: [], "GT-07": ["view", "view-button", "report"], "NT-01": [] },
  groupLeaderOfGT: {
    GT: ["view", "view-button", "export", "pause", "report"],
    "GT-07": ["view", "view-button", "export", "pause", "report"],
    "NT-01": ["view", "view-button", "export", "pause"],
  },
};

describe("one scope rule behind every command and button", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  const users = new Map<Actor, User>();
  const prisma = () => db.database.prisma;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    const unit = async (code: string) => prisma().unit.findFirstOrThrow({ where: { code } });
    const nt = await unit("NT");
    const lb = await unit("LB");
    await prisma().person.create({
      data: {
        organizationId: nt.organizationId,
        name: "Ngô Văn Phúc",
        phone: phones.adminOfNT,
        roles: { create: [{ role: "admin", unitId: nt.id }] },
      },
    });
    await prisma().person.create({
      data: {
        organizationId: lb.organizationId,
        name: "Lý Thị Quỳnh",
        phone: phones.standingOfDistrict,
        roles: { create: [{ role: "standing", unitId: lb.id }] },
      },
    });
    for (const [actor, phone] of Object.entries(phones))
      users.set(actor as Actor, await bindTelegramUser(db.database, phone));
    harness = await startBotHarness(db.database, { clock: fixedClock("2020-02-26T03:00:00Z") });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  /** Sends the command; returns whether it did what it is for, after checking a refusal changed nothing. */
  async function run(user: User, command: Command, code: string): Promise<boolean> {
    const before = await databaseFingerprint(db.database);
    const sent = () => harness.sent(user.id).length;
    let done: () => Promise<boolean>;
    if (command === "view-button") {
      // A /tiendo button for the unit, pressed on the person's own /help answer: buttons carry ids, so
      // this is what a forged or forwarded one looks like.
      const help = await harness.say(user, "/trogiup");
      const target = await prisma().unit.findFirstOrThrow({ where: { code } });
      const count = sent();
      const update = harness.emulator.pressButton(harness.token, {
        from: user,
        message: help,
        data: screenCallback({ kind: "unit", unitId: target.id, filter: "all", page: 0 }),
        force: true,
      });
      const id = update.callback_query!.id;
      const answer = await harness.emulator.waitFor(() =>
        harness.emulator.callbackAnswers(harness.token).find((a) => a.callback_query_id === id),
      );
      await harness.app.inbox.drain();
      // Allowed: the screen is shown (a new message or the pressed one edited); refused: an alert.
      const shown =
        sent() > count || harness.sent(user.id).find((m) => m.message_id === help.message_id)?.text !== help.text;
      expect(shown, "a refusal shows an alert").toBe(!answer.show_alert);
      expect(await databaseFingerprint(db.database)).toEqual(before);
      return shown;
    }
    const text = {
      view: `/tiendo ${code}`,
      export: `/xuat ${code}`,
      invite: `/moi ${code}`,
      link: `/malienket ${code}`,
      pause: `/hoan ${code} Hoãn theo Công văn số 15-CV/ĐU`,
      report: `/baocao ${code} kehoach`,
    }[command];
    const reply = await harness.say(user, text);
    await harness.app.inbox.drain();
    switch (command) {
      case "view": {
        // A cell's screen may have no button at all: what tells it from a refusal is the refusal's text.
        const target = await prisma().unit.findFirstOrThrow({ where: { code } });
        const refusals = [
          vi("progress-out-of-scope", { unit: target.name, code: target.code }),
          vi("progress-not-allowed"),
        ];
        done = async () => !refusals.includes(reply.text ?? "");
        break;
      }
      case "export":
        done = async () => reply.document !== undefined;
        break;
      case "invite":
        done = async () => /\?start=\S+/.test(reply.text ?? "");
        break;
      case "link":
        done = async () => /\/lienketnhom \S+/.test(reply.text ?? "");
        break;
      case "pause":
        done = async () => (await prisma().reminderPause.count({ where: { resumedAt: null } })) > 0;
        break;
      case "report":
        done = async () =>
          reply.reply_markup?.inline_keyboard.flat().some((button) => button.text === "✅ Xác nhận") ?? false;
        break;
    }
    const result = await done();
    if (!result)
      expect(await databaseFingerprint(db.database), `${text} was refused, so nothing changed`).toEqual(before);
    // Undo what an allowed command wrote, so every row starts from the same database.
    await prisma().reminderPause.deleteMany();
    await prisma().invite.deleteMany();
    return result;
  }

  const rows = (Object.keys(allowed) as Actor[]).flatMap((actor) =>
    (["GT", "GT-07", "NT-01"] as const).map((code) => [actor, code] as const),
  );
  it.each(rows)(
    "when the %s runs every command and button on %s, then exactly the allowed ones do anything",
    async (actor, code) => {
      const user = users.get(actor)!;
      const outcomes: Command[] = [];
      for (const command of every) if (await run(user, command, code)) outcomes.push(command);
      expect(outcomes).toEqual(allowed[actor][code]);
    },
  );
});
