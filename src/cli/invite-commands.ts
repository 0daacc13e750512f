// `invite create | list | revoke`: invite links made from the command line, with the same store as /moi.
// The token is printed once, at creation; lists show everything about an invite except the token.
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { createInvite, listInvites, revokeInvite } from "../db/invite-store.js";
import {
  defaultInviteLifetimeMs,
  inviteLink,
  inviteTokenFromText,
  localDateTime,
  parseInviteLifetime,
  parseInviteRole,
} from "../domain/invite-token.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";
import type { CliIo } from "./run-cli.js";

interface InviteArgs {
  words: readonly string[];
  flags: ReadonlyMap<string, string | true>;
}

interface InviteCliContext {
  t: Translate;
  config: Config;
  io: CliIo;
  /** Read for TELEGRAM_BOT_USERNAME; the process environment unless a test gives its own. */
  env?: Record<string, string | undefined>;
}

/** An argument error (exit 2) or a refusal (exit 1), printed as one line. */
class InviteCliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export async function inviteCommand(args: InviteArgs, database: Database, context: InviteCliContext): Promise<number> {
  const { t, io } = context;
  try {
    const action = args.words[1];
    if (action === "create") return await create(args, database, context);
    if (action === "list") return await list(args, database, context);
    if (action === "revoke") return await revoke(args, database, context);
    throw new InviteCliError(t("cli-unknown-command", { command: args.words.join(" ") }));
  } catch (error) {
    if (!(error instanceof InviteCliError)) throw error;
    io.err(t("cli-error", { message: error.message }));
    return error.exitCode;
  }
}

async function create(
  args: InviteArgs,
  database: Database,
  { t, io, config, env = process.env }: InviteCliContext,
): Promise<number> {
  const unitCode = stringFlag(args, "--unit", t);
  const roleWord = stringFlag(args, "--role", t);
  const role = parseInviteRole(roleWord);
  if (!role) throw new InviteCliError(t("invite-cli-bad-role", { value: roleWord }));
  const expires = args.flags.get("--expires");
  const lifetime = typeof expires === "string" ? parseInviteLifetime(expires) : defaultInviteLifetimeMs;
  if (lifetime === null) throw new InviteCliError(t("invite-cli-bad-expires", { value: String(expires) }));
  const username = botUsernameFromEnv(env, t);

  const organization = await resolveOrganization(args, database, t);
  const unit = await database.prisma.unit.findFirst({
    where: { organizationId: organization.id, code: { equals: unitCode, mode: "insensitive" }, archivedAt: null },
    select: { id: true, code: true, name: true },
  });
  if (!unit) throw new InviteCliError(t("cli-unit-unknown", { value: unitCode }));
  const expiresAt = new Date(Date.now() + lifetime);
  const invite = await createInvite(database.prisma, {
    organizationId: organization.id,
    unitId: unit.id,
    role,
    expiresAt,
    createdBy: "cli",
  });

  const expiry = localDateTime(expiresAt, config.timezone);
  io.out(
    t("invite-cli-created", {
      id: invite.id,
      role: t("role-name", { role }),
      unit: unit.name,
      code: unit.code,
      time: expiry.time,
      date: formatLocalDate(expiry.date),
    }),
  );
  const resolved = username ?? (await botUsernameFromTelegram(config));
  if (resolved.ok) {
    io.out(inviteLink(resolved.username, invite.token));
  } else {
    io.out(`/start ${invite.token}`);
    io.out(t(resolved.reason === "unset" ? "invite-cli-no-username" : "invite-cli-getme-failed"));
  }
  return 0;
}

async function list(args: InviteArgs, database: Database, { t, io, config }: InviteCliContext): Promise<number> {
  const organization = await resolveOrganization(args, database, t);
  const unitCode = args.flags.get("--unit");
  let unitId: number | undefined;
  if (typeof unitCode === "string") {
    const unit = await database.prisma.unit.findFirst({
      where: { organizationId: organization.id, code: { equals: unitCode, mode: "insensitive" } },
      select: { id: true },
    });
    if (!unit) throw new InviteCliError(t("cli-unit-unknown", { value: unitCode }));
    unitId = unit.id;
  }
  const invites = await listInvites(database.prisma, organization.id, new Date(), unitId);
  if (invites.length === 0) io.out(t("invite-cli-list-empty"));
  const when = (date: Date | null) => {
    if (!date) return "none";
    const local = localDateTime(date, config.timezone);
    return `${formatLocalDate(local.date)} ${local.time}`;
  };
  for (const invite of invites) {
    io.out(
      t("invite-cli-list-line", {
        id: invite.id,
        code: invite.unitCode,
        role: t("role-name", { role: invite.role }),
        expires: when(invite.expiresAt),
        state: invite.state,
        used: when(invite.usedAt),
        name: invite.usedByName ?? "?",
        revoked: when(invite.revokedAt),
      }),
    );
  }
  return 0;
}

async function revoke(args: InviteArgs, database: Database, { t, io, config }: InviteCliContext): Promise<number> {
  const token = args.flags.get("--token");
  const id = args.flags.get("--id");
  let which: { id: number } | { token: string };
  if (typeof token === "string") which = { token: inviteTokenFromText(token) };
  else if (typeof id === "string") {
    if (!/^\d{1,9}$/.test(id)) throw new InviteCliError(t("invite-cli-bad-id", { value: id }));
    which = { id: Number(id) };
  } else throw new InviteCliError(t("invite-cli-missing-which"));
  const organizationId = args.flags.has("--org") ? (await resolveOrganization(args, database, t)).id : undefined;
  const outcome = await revokeInvite(database.prisma, which, {
    ...(organizationId !== undefined && { organizationId }),
    now: new Date(),
    actor: "cli",
  });
  switch (outcome.status) {
    case "unknown":
      throw new InviteCliError(t("invite-cli-unknown"), 1);
    case "used": {
      const used = localDateTime(outcome.usedAt, config.timezone);
      throw new InviteCliError(
        t("invite-cli-used", { id: outcome.id, time: used.time, date: formatLocalDate(used.date) }),
        1,
      );
    }
    case "already-revoked":
      io.out(t("invite-cli-already-revoked", { id: outcome.id }));
      return 0;
    case "revoked":
      io.out(
        t("invite-cli-revoked", {
          id: outcome.id,
          role: t("role-name", { role: outcome.role }),
          code: outcome.unitCode,
        }),
      );
      return 0;
  }
}

function stringFlag(args: InviteArgs, name: string, t: Translate): string {
  const value = args.flags.get(name);
  if (typeof value !== "string") throw new InviteCliError(t("cli-missing-argument", { name }));
  return value;
}

async function resolveOrganization(
  args: InviteArgs,
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
    if (!organization) throw new InviteCliError(t("cli-org-unknown", { value: requested }));
    return organization;
  }
  if (organizations.length === 0) throw new InviteCliError(t("cli-org-not-found"));
  if (organizations.length > 1)
    throw new InviteCliError(t("cli-org-choose", { list: organizations.map((o) => o.code).join(", ") }));
  return organizations[0]!;
}

type UsernameLookup = { ok: true; username: string } | { ok: false; reason: "unset" | "failed" };

/** TELEGRAM_BOT_USERNAME, with or without its @; null when unset. */
function botUsernameFromEnv(env: Record<string, string | undefined>, t: Translate): UsernameLookup | null {
  const value = env.TELEGRAM_BOT_USERNAME?.trim().replace(/^@/, "");
  if (!value) return null;
  if (!/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(value)) throw new InviteCliError(t("invite-cli-bad-username", { value }));
  return { ok: true, username: value };
}

/** Asks Telegram (getMe) with the configured token and API root; a link is not worth a long wait. */
async function botUsernameFromTelegram(config: Config): Promise<UsernameLookup> {
  if (!config.botToken) return { ok: false, reason: "unset" };
  try {
    const response = await fetch(`${config.apiRoot}/bot${config.botToken}/getMe`, {
      signal: AbortSignal.timeout(5000),
    });
    const body = (await response.json()) as { ok?: boolean; result?: { username?: unknown } };
    const username = body.ok ? body.result?.username : undefined;
    return typeof username === "string" && username ? { ok: true, username } : { ok: false, reason: "failed" };
  } catch {
    return { ok: false, reason: "failed" };
  }
}
