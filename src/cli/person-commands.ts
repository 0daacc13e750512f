// `person export --phone PHONE [--out FILE]` and `person erase --phone PHONE`: what the database holds on a
// person, as JSON; and the erasure of their identity (the unit's reports stay). Both for the office to
// answer a request under Decree 13/2023/NĐ-CP; the erasure is audited.
import { writeFile } from "node:fs/promises";
import type { Translate } from "../i18n.js";
import type { UseCaseDeps } from "../usecases/deps.js";
import { erasePersonalData, exportPersonalData } from "../usecases/personal-data.js";
import { CliError, organizationOf, requiredFlag, stringFlag, type ParsedArgs } from "./cli-error.js";
import type { CliIo } from "./run-cli.js";

export async function personCommand(
  args: ParsedArgs,
  { deps, t, io }: { deps: UseCaseDeps; t: Translate; io: CliIo },
): Promise<number> {
  const action = args.words[1];
  if ((action !== "export" && action !== "erase") || args.words.length > 2)
    throw new CliError(t("cli-unknown-command", { command: args.words.join(" ") }));
  const phone = requiredFlag(args, "--phone", t);
  const organization = await organizationOf(deps, args, t);
  if (action === "export") {
    const outcome = await exportPersonalData(deps, { organizationId: organization.id, phone });
    if (outcome.status !== "found") throw new CliError(t(`cli-person-${outcome.status}`, { phone }), 1);
    // Telegram's ids and JSON numbers: bigint as text; dates as ISO instants.
    const json = JSON.stringify(outcome.data, (_, value) => (typeof value === "bigint" ? String(value) : value), 2);
    const out = stringFlag(args, "--out");
    if (!out) {
      io.out(json);
      return 0;
    }
    await writeFile(out, `${json}\n`, { mode: 0o600 });
    io.out(t("cli-exported", { file: out }));
    return 0;
  }
  const outcome = await erasePersonalData(deps, {
    organizationId: organization.id,
    phone,
    erasedName: t("person-erased-name"),
    actor: "cli",
  });
  if (outcome.status !== "erased") throw new CliError(t(`cli-person-${outcome.status}`, { phone }), 1);
  io.out(t("cli-person-erased", { id: String(outcome.personId), ...outcome.counts }));
  return 0;
}
