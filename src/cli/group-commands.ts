// `group link-code | list | unlink`: group bindings from the command line, with the same store as the
// bot's /malienket, /lienketnhom and /huylienket. The code is printed once, at creation.
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import {
  createGroupLinkCode,
  defaultGroupCodeLifetimeMs,
  groupWaitMinutes,
  listGroupBindings,
  unbindGroup,
} from "../db/group-binding-store.js";
import { localDateTime, parseInviteLifetime } from "../domain/invite-token.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";
import type { CliIo } from "./run-cli.js";

interface GroupArgs {
  words: readonly string[];
  flags: ReadonlyMap<string, string | true>;
}

interface GroupCliContext {
  t: Translate;
  config: Config;
  io: CliIo;
}

/** An argument error (exit 2) or a refusal (exit 1), printed as one line. */
class GroupCliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export async function groupCommand(args: GroupArgs, database: Database, context: GroupCliContext): Promise<number> {
  const { t, io } = context;
  try {
    const action = args.words[1];
    if (action === "link-code") return await linkCode(args, database, context);
    if (action === "list") return await list(args, database, context);
    if (action === "unlink") return await unlink(args, database, context);
    throw new GroupCliError(t("cli-unknown-command", { command: args.words.join(" ") }));
  } catch (error) {
    if (!(error instanceof GroupCliError)) throw error;
    io.err(t("cli-error", { message: error.message }));
    return error.exitCode;
  }
}

async function linkCode(args: GroupArgs, database: Database, { t, io, config }: GroupCliContext): Promise<number> {
  const unitCode = args.flags.get("--unit");
  if (typeof unitCode !== "string") throw new GroupCliError(t("cli-missing-argument", { name: "--unit" }));
  const expires = args.flags.get("--expires");
  const lifetime = typeof expires === "string" ? parseInviteLifetime(expires) : defaultGroupCodeLifetimeMs;
  if (lifetime === null) throw new GroupCliError(t("group-cli-bad-expires", { value: String(expires) }));
  const organization = await resolveOrganization(args, database, t);
  const unit = await database.prisma.unit.findFirst({
    where: { organizationId: organization.id, code: { equals: unitCode, mode: "insensitive" }, archivedAt: null },
    select: { id: true, code: true, name: true },
  });
  if (!unit) throw new GroupCliError(t("cli-unit-unknown", { value: unitCode }));
  const expiresAt = new Date(Date.now() + lifetime);
  const created = await createGroupLinkCode(database.prisma, {
    organizationId: organization.id,
    unitId: unit.id,
    expiresAt,
    createdBy: "cli",
  });
  const expiry = localDateTime(expiresAt, config.timezone);
  io.out(
    t("group-cli-created", {
      id: created.id,
      unit: unit.name,
      code: unit.code,
      time: expiry.time,
      date: formatLocalDate(expiry.date),
    }),
  );
  io.out(t("group-code-instruction", { minutes: groupWaitMinutes }));
  io.out(`/lienketnhom ${created.token}`);
  return 0;
}

async function list(args: GroupArgs, database: Database, { t, io, config }: GroupCliContext): Promise<number> {
  const organization = await resolveOrganization(args, database, t);
  const bindings = await listGroupBindings(database.prisma, organization.id);
  if (bindings.length === 0) io.out(t("group-cli-list-empty"));
  for (const binding of bindings) {
    const since = localDateTime(binding.createdAt, config.timezone);
    io.out(
      t("group-cli-list-line", {
        code: binding.unit.code,
        unit: binding.unit.name,
        chat: String(binding.chatId),
        title: binding.title ?? "",
        since: `${formatLocalDate(since.date)} ${since.time}`,
      }),
    );
  }
  return 0;
}

async function unlink(args: GroupArgs, database: Database, { t, io }: GroupCliContext): Promise<number> {
  const chat = args.flags.get("--chat");
  if (typeof chat !== "string") throw new GroupCliError(t("cli-missing-argument", { name: "--chat" }));
  if (!/^-\d{1,16}$/.test(chat) || !Number.isSafeInteger(Number(chat)))
    throw new GroupCliError(t("group-cli-bad-chat", { value: chat }));
  const removed = await unbindGroup(database.prisma, { chatId: Number(chat), actor: "cli" });
  if (!removed) throw new GroupCliError(t("group-cli-not-linked", { chat }), 1);
  io.out(
    t("group-cli-unlinked", { chat, title: removed.title ?? "", unit: removed.unit.name, code: removed.unit.code }),
  );
  return 0;
}

async function resolveOrganization(
  args: GroupArgs,
  database: Database,
  t: Translate,
): Promise<{ id: number; code: string }> {
  const requested = args.flags.get("--org");
  const organizations = await database.prisma.organization.findMany({
    select: { id: true, code: true },
    orderBy: { id: "asc" },
  });
  if (typeof requested === "string") {
    const organization = organizations.find((candidate) => candidate.code === requested);
    if (!organization) throw new GroupCliError(t("cli-org-unknown", { value: requested }));
    return organization;
  }
  if (organizations.length === 0) throw new GroupCliError(t("cli-org-not-found"));
  if (organizations.length > 1)
    throw new GroupCliError(t("cli-org-choose", { list: organizations.map((o) => o.code).join(", ") }));
  return organizations[0]!;
}
