// First-run state of the sandbox and what the emulator must know again after a restart (it keeps chats
// in memory only): the demo organisation, the chosen personas bound to their Telegram users (through
// the same store the contact-sharing path uses), and the standing committee's group bound to the top
// unit through the bot itself (/lienketnhom with a one-time code, as an office would do it).
import { readFile } from "node:fs/promises";
import type { PrismaClient } from "@prisma/client";
import { bindByPhone } from "../db/binding-store.js";
import { createGroupLinkCode, findGroupBinding } from "../db/group-binding-store.js";
import { importOrganizationDefinition } from "../usecases/organization-file.js";
import { readOrgFile } from "../domain/org-file.js";
import { readProgressFile } from "../domain/progress-file.js";
import { importProgress } from "../usecases/progress-import.js";
import { systemClock, type Clock } from "../clock.js";
import { privateChatOf, type BotApiEmulator } from "../emulator/index.js";
import type { Logger } from "../logger.js";
import type { Persona, Roster } from "./personas.js";
import { telegramUserOf, type SandboxGroup } from "./sandbox-api.js";

/** The standing committee's group: a fixed id, so the binding in the database finds it after a restart. */
export const sandboxGroupChatId = -1001000000001;

/** The demo a sandbox starts from: an organisation file, and a progress file of its campaign (or none). */
export interface DemoFiles {
  organisation: string;
  progress: string | null;
}

/**
 * Imports the demo into an empty database: the organisation, then its progress (each report on the day
 * it reached the office, so the sandbox opens on a campaign in motion). False when there was something.
 */
export async function importDemoIfEmpty(
  deps: { prisma: PrismaClient; timeZone: string },
  demo: DemoFiles,
): Promise<boolean> {
  const { prisma } = deps;
  if ((await prisma.organization.count()) > 0) return false;
  const file = demo.organisation;
  const result = readOrgFile(await readFile(file, "utf8"), /\.csv$/i.test(file) ? "csv" : "yaml");
  if (!result.ok)
    throw new Error(`${file} is not a valid organisation file: ${JSON.stringify(result.problems.slice(0, 3))}`);
  await importOrganizationDefinition({ prisma }, result.definition, { prune: false, dryRun: false, actor: "sandbox" });
  if (demo.progress) {
    const progress = readProgressFile(await readFile(demo.progress, "utf8"));
    if (!progress.ok)
      throw new Error(
        `${demo.progress} is not a valid progress file: ${JSON.stringify(progress.problems.slice(0, 3))}`,
      );
    const organization = await prisma.organization.findUniqueOrThrow({
      where: { code: result.definition.organization.code },
      select: { id: true, code: true },
    });
    const outcome = await importProgress(
      { prisma, clock: systemClock, config: { timezone: deps.timeZone } },
      { organization, file: progress.file, dryRun: false, actor: "sandbox" },
    );
    if (outcome.status !== "imported")
      throw new Error(`${demo.progress} could not be loaded: ${JSON.stringify(outcome).slice(0, 300)}`);
  }
  return true;
}

/** Makes every chat the bot already knows (bound people, the bound group) known to the fresh emulator. */
export async function registerKnownChats(deps: {
  prisma: PrismaClient;
  emulator: BotApiEmulator;
  token: string;
  roster: Roster;
  title: (unitName: string) => string;
}): Promise<SandboxGroup> {
  const { prisma, emulator, token, roster } = deps;
  const top = await prisma.unit.findFirst({
    where: { archivedAt: null },
    orderBy: [{ depth: "asc" }, { id: "asc" }],
    select: { name: true },
  });
  const speakerPerson = roster.featured().people[0];
  if (!top || !speakerPerson)
    throw new Error("the sandbox needs an organisation with at least one person on its roster");
  const group: SandboxGroup = {
    chat: { id: sandboxGroupChatId, type: "supergroup", title: deps.title(top.name) },
    unitName: top.name,
    speaker: telegramUserOf(roster.toPersona(speakerPerson)),
  };
  const bound = await prisma.person.findMany({ where: { telegramUserId: { not: null } }, select: { id: true } });
  for (const { id } of bound) {
    const person = roster.person(id);
    if (person) emulator.registerChat(privateChatOf(telegramUserOf(roster.toPersona(person))), token);
  }
  if (await findGroupBinding(prisma, sandboxGroupChatId)) emulator.registerChat(group.chat, token);
  return group;
}

/** Binds the featured people and the group when not done yet; returns the featured personas' keys. */
export async function prepareSandbox(deps: {
  prisma: PrismaClient;
  emulator: BotApiEmulator;
  token: string;
  roster: Roster;
  group: SandboxGroup;
  logger: Logger;
  clock: Clock;
}): Promise<Persona["key"][]> {
  const { prisma, emulator, token, roster, group, logger } = deps;
  const { people, unbound } = roster.featured();
  for (const person of people) {
    if (person.telegramUserId !== null || !person.phone) continue;
    const persona = roster.toPersona(person);
    // locale null: the person's Telegram language (the page's language) decides, as for anyone new.
    const outcome = await bindByPhone(prisma, person.phone, { id: persona.userId, locale: null }, null);
    if (outcome.status !== "bound")
      logger.warn({ personId: person.id, outcome: outcome.status }, "sandbox: persona not bound");
    emulator.registerChat(privateChatOf(telegramUserOf(persona)), token);
  }
  await roster.refreshBindings();

  if (!(await findGroupBinding(prisma, group.chat.id))) {
    const top = await prisma.unit.findFirstOrThrow({
      where: { archivedAt: null },
      orderBy: [{ depth: "asc" }, { id: "asc" }],
    });
    emulator.addBotToGroup(token, { chat: group.chat, by: group.speaker });
    const code = await createGroupLinkCode(prisma, {
      organizationId: top.organizationId,
      unitId: top.id,
      expiresAt: new Date(deps.clock.now().getTime() + 3600_000),
      createdBy: "sandbox",
    });
    emulator.sendMessage(token, { from: group.speaker, chat: group.chat, text: `/lienketnhom ${code.token}` });
    const deadline = Date.now() + 20_000;
    while (!(await findGroupBinding(prisma, group.chat.id))) {
      if (Date.now() > deadline) throw new Error("the bot did not bind the sandbox group within 20 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return [...people, ...unbound].map((person) => `person-${person.id}`);
}
