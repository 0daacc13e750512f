// `web link --phone PHONE [--org CODE]`: a one-time sign-in link to the web app for someone on the roster,
// to send by hand (Zalo, SMS) to a person without Telegram. Printed once; only its hash is stored.
import type { Config } from "../config.js";
import { localDateTime } from "../domain/invite-token.js";
import { formatLocalDate } from "../domain/local-date.js";
import type { Translate } from "../i18n.js";
import type { UseCaseDeps } from "../usecases/deps.js";
import { issueHandedSignInLink } from "../usecases/web-sign-in.js";
import { CliError, organizationOf, requiredFlag, type ParsedArgs } from "./cli-error.js";
import type { CliIo } from "./run-cli.js";

export async function webCommand(
  args: ParsedArgs,
  { deps, t, config, io }: { deps: UseCaseDeps; t: Translate; config: Config; io: CliIo },
): Promise<number> {
  if (args.words[1] !== "link" || args.words.length > 2) {
    throw new CliError(t("cli-unknown-command", { command: args.words.join(" ") }));
  }
  const phone = requiredFlag(args, "--phone", t);
  if (!config.web) throw new CliError(t("web-cli-off"), 1);
  const address = config.web.publicUrl ?? `http://127.0.0.1:${config.web.port}`;
  const organization = await organizationOf(deps, args, t);
  const outcome = await issueHandedSignInLink(deps, {
    requester: { kind: "office", organizationId: organization.id },
    who: { phone },
    actor: "cli",
  });
  if (outcome.status !== "issued") throw new CliError(t("web-cli-unknown-phone", { phone }), 1);
  const expiry = localDateTime(outcome.link.expiresAt, config.timezone);
  io.out(t("web-cli-link", { name: outcome.person.name, time: expiry.time, date: formatLocalDate(expiry.date) }));
  io.out(`${address}/dang-nhap/${outcome.link.token}`);
  return 0;
}
