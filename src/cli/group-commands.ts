// `group link-code | list | unlink`: group bindings from the command line, through the same use cases as
// the bot's /malienket and /huylienket. The code is printed once, at creation.
import type { Config } from "../config.js";
import { defaultGroupCodeLifetimeMs, groupWaitMinutes } from "../db/group-binding-store.js";
import { localDateTime, parseInviteLifetime } from "../domain/invite-token.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";
import type { UseCaseDeps } from "../usecases/deps.js";
import { issueGroupLinkCode, listLinkedGroups, unlinkGroupByOffice } from "../usecases/group-link-codes.js";
import { CliError, organizationOf, requiredFlag, stringFlag, type ParsedArgs } from "./cli-error.js";
import type { CliIo } from "./run-cli.js";

interface GroupCliContext {
  deps: UseCaseDeps;
  t: Translate;
  config: Config;
  io: CliIo;
}

export async function groupCommand(args: ParsedArgs, context: GroupCliContext): Promise<number> {
  const action = args.words[1];
  if (action === "link-code") return linkCode(args, context);
  if (action === "list") return list(args, context);
  if (action === "unlink") return unlink(args, context);
  throw new CliError(context.t("cli-unknown-command", { command: args.words.join(" ") }));
}

async function linkCode(args: ParsedArgs, { deps, t, io, config }: GroupCliContext): Promise<number> {
  const unitCode = requiredFlag(args, "--unit", t);
  const expires = stringFlag(args, "--expires");
  const lifetimeMs = expires === undefined ? defaultGroupCodeLifetimeMs : parseInviteLifetime(expires);
  if (lifetimeMs === null) throw new CliError(t("group-cli-bad-expires", { value: String(expires) }));
  const organization = await organizationOf(deps, args, t);
  const outcome = await issueGroupLinkCode(deps, {
    requester: { kind: "office", organizationId: organization.id },
    unitCode,
    lifetimeMs,
  });
  if (outcome.status !== "issued") throw new CliError(t("cli-unit-unknown", { value: unitCode }));
  const expiry = localDateTime(outcome.expiresAt, config.timezone);
  io.out(
    t("group-cli-created", {
      id: outcome.id,
      unit: outcome.unit.name,
      code: outcome.unit.code,
      time: expiry.time,
      date: formatLocalDate(expiry.date),
    }),
  );
  io.out(t("group-code-instruction", { minutes: groupWaitMinutes }));
  io.out(`/lienketnhom ${outcome.token}`);
  return 0;
}

async function list(args: ParsedArgs, { deps, t, io, config }: GroupCliContext): Promise<number> {
  const organization = await organizationOf(deps, args, t);
  const bindings = await listLinkedGroups(deps, { organizationId: organization.id });
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

async function unlink(args: ParsedArgs, { deps, t, io }: GroupCliContext): Promise<number> {
  const chat = requiredFlag(args, "--chat", t);
  if (!/^-\d{1,16}$/.test(chat) || !Number.isSafeInteger(Number(chat)))
    throw new CliError(t("group-cli-bad-chat", { value: chat }));
  const removed = await unlinkGroupByOffice(deps, { chatId: Number(chat) });
  if (!removed) throw new CliError(t("group-cli-not-linked", { chat }), 1);
  io.out(
    t("group-cli-unlinked", { chat, title: removed.title ?? "", unit: removed.unit.name, code: removed.unit.code }),
  );
  return 0;
}
