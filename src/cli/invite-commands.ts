// `invite create | list | revoke`: invite links made from the command line, with the same store as /moi.
// The token is printed once, at creation; lists show everything about an invite except the token.
import type { Config } from "../config.js";
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
import type { UseCaseDeps } from "../usecases/deps.js";
import { issueInvite, listInvites, revokeInvite } from "../usecases/invites.js";
import { CliError, organizationOf, requiredFlag, stringFlag, type ParsedArgs } from "./cli-error.js";
import type { CliIo } from "./run-cli.js";

interface InviteCliContext {
  deps: UseCaseDeps;
  t: Translate;
  config: Config;
  io: CliIo;
  /** Read for TELEGRAM_BOT_USERNAME; the process environment unless a test gives its own. */
  env?: Record<string, string | undefined>;
}

export async function inviteCommand(args: ParsedArgs, context: InviteCliContext): Promise<number> {
  const action = args.words[1];
  if (action === "create") return create(args, context);
  if (action === "list") return list(args, context);
  if (action === "revoke") return revoke(args, context);
  throw new CliError(context.t("cli-unknown-command", { command: args.words.join(" ") }));
}

async function create(args: ParsedArgs, { deps, t, io, config, env = process.env }: InviteCliContext): Promise<number> {
  const unitCode = requiredFlag(args, "--unit", t);
  const roleWord = requiredFlag(args, "--role", t);
  const role = parseInviteRole(roleWord);
  if (!role) throw new CliError(t("invite-cli-bad-role", { value: roleWord }));
  const expires = stringFlag(args, "--expires");
  const lifetimeMs = expires === undefined ? defaultInviteLifetimeMs : parseInviteLifetime(expires);
  if (lifetimeMs === null) throw new CliError(t("invite-cli-bad-expires", { value: String(expires) }));
  const username = botUsernameFromEnv(env, t);

  const organization = await organizationOf(deps, args, t);
  const outcome = await issueInvite(deps, {
    requester: { kind: "office", organizationId: organization.id },
    unitCode,
    role,
    lifetimeMs,
  });
  if (outcome.status !== "issued") throw new CliError(t("cli-unit-unknown", { value: unitCode }));

  const expiry = localDateTime(outcome.expiresAt, config.timezone);
  io.out(
    t("invite-cli-created", {
      id: outcome.id,
      role: t("role-name", { role }),
      unit: outcome.unit.name,
      code: outcome.unit.code,
      time: expiry.time,
      date: formatLocalDate(expiry.date),
    }),
  );
  const resolved = username ?? (await botUsernameFromTelegram(config));
  if (resolved.ok) {
    io.out(inviteLink(resolved.username, outcome.token));
  } else {
    io.out(`/start ${outcome.token}`);
    io.out(t(resolved.reason === "unset" ? "invite-cli-no-username" : "invite-cli-getme-failed"));
  }
  return 0;
}

async function list(args: ParsedArgs, { deps, t, io, config }: InviteCliContext): Promise<number> {
  const organization = await organizationOf(deps, args, t);
  const unitCode = stringFlag(args, "--unit");
  const outcome = await listInvites(deps, {
    organizationId: organization.id,
    ...(unitCode !== undefined && { unitCode }),
  });
  if (outcome.status === "unknown-unit") throw new CliError(t("cli-unit-unknown", { value: outcome.code }));
  if (outcome.invites.length === 0) io.out(t("invite-cli-list-empty"));
  const when = (date: Date | null) => {
    if (!date) return "none";
    const local = localDateTime(date, config.timezone);
    return `${formatLocalDate(local.date)} ${local.time}`;
  };
  for (const invite of outcome.invites) {
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

async function revoke(args: ParsedArgs, { deps, t, io, config }: InviteCliContext): Promise<number> {
  const token = stringFlag(args, "--token");
  const id = stringFlag(args, "--id");
  let which: { id: number } | { token: string };
  if (token !== undefined) which = { token: inviteTokenFromText(token) };
  else if (id !== undefined) {
    if (!/^\d{1,9}$/.test(id)) throw new CliError(t("invite-cli-bad-id", { value: id }));
    which = { id: Number(id) };
  } else throw new CliError(t("invite-cli-missing-which"));
  const organizationId = args.flags.has("--org") ? (await organizationOf(deps, args, t)).id : undefined;
  const outcome = await revokeInvite(deps, { which, ...(organizationId !== undefined && { organizationId }) });
  switch (outcome.status) {
    case "unknown":
      throw new CliError(t("invite-cli-unknown"), 1);
    case "used": {
      const used = localDateTime(outcome.usedAt, config.timezone);
      throw new CliError(
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

type UsernameLookup = { ok: true; username: string } | { ok: false; reason: "unset" | "failed" };

/** TELEGRAM_BOT_USERNAME, with or without its @; null when unset. */
function botUsernameFromEnv(env: Record<string, string | undefined>, t: Translate): UsernameLookup | null {
  const value = env.TELEGRAM_BOT_USERNAME?.trim().replace(/^@/, "");
  if (!value) return null;
  if (!/^[A-Za-z][A-Za-z0-9_]{3,31}$/.test(value)) throw new CliError(t("invite-cli-bad-username", { value }));
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
