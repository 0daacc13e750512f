// Web app benchmark (issue 13: "the overview of the demo district renders in ≤ 300 ms server time and
// ships ≤ 100 KB of JavaScript"). The demo district (examples/long-bien.yaml) is imported with the CLI and
// a third of its cells report a held congress; a standing committee member signs in through a one-time link
// (the use cases the bot's /web and `web link` call); then the overview of the district (`/don-vi/LB`: counts
// per level, the digest's model, the table of the 49 grassroots organisations) is requested again and again
// through the app's own request handler (no socket: server time only). Rate = pages per second; the
// row reports the median and the 95th percentile. The page's size and its scripts are counted from the HTML.
import { performance } from "node:perf_hooks";
import { fixedClock } from "../src/clock.js";
import { runCli } from "../src/cli/run-cli.js";
import { createConfig } from "../src/config.js";
import { saveReport } from "../src/db/report-store.js";
import { createI18n, translatorFor } from "../src/i18n.js";
import { createLogger } from "../src/logger.js";
import { issueHandedSignInLink, signInWithLink } from "../src/usecases/web-sign-in.js";
import { createWebApp, sessionCookie } from "../src/web/web-app.js";
import { envInt } from "./env.js";
import type { BenchResult, BenchSuite } from "./run.js";

const goalMs = 300;

export const webSuite: BenchSuite = {
  name: "web",
  async run(context): Promise<BenchResult> {
    const requests = envInt("BENCH_WEB_REQUESTS", 30);
    const config = createConfig({ LOG_LEVEL: "silent", WEB_PORT: "0", DATA_DIR: "./tmp/bench-web" });
    const { database } = context;
    const prisma = database.prisma;
    const clock = fixedClock("2020-03-20T03:00:00Z");
    const err: string[] = [];
    const code = await runCli(
      ["org", "import", "examples/long-bien.yaml"],
      { config, database },
      { out: () => undefined, err: (line) => err.push(line) },
    );
    if (code !== 0) throw new Error(`org import failed: ${err.join("\n")}`);
    context.log("demo district imported; recording congresses");
    const campaign = await prisma.campaign.findFirstOrThrow({ where: { active: true } });
    const cells = await prisma.unit.findMany({ where: { level: "cell" }, orderBy: { id: "asc" } });
    for (const [index, cell] of cells.entries()) {
      if (index % 3 !== 0) continue;
      await saveReport(prisma, {
        organizationId: cell.organizationId,
        campaignId: campaign.id,
        unitId: cell.id,
        milestone: "held",
        eventDate: "2020-03-10",
        payload: {},
        authorId: null,
        onBehalf: false,
        late: false,
        source: "cli",
        requestKey: null,
        actor: "bench",
        recordedAt: new Date("2020-03-10T03:00:00Z"),
      });
    }
    const i18n = createI18n({ defaultLocale: "vi" });
    const deps = {
      prisma,
      clock,
      config,
      translate: (locale: "vi" | "en") => translatorFor(i18n, locale),
      logger: createLogger({ level: "silent" }),
    };
    const standing = await prisma.person.findFirstOrThrow({ where: { phone: "+84862409218" } });
    const link = await issueHandedSignInLink(deps, {
      requester: { kind: "office", organizationId: standing.organizationId },
      who: { personId: standing.id },
      actor: "bench",
    });
    if (link.status !== "issued") throw new Error("no sign-in link");
    const session = await signInWithLink(deps, { token: link.link.token });
    if (session.status !== "signed-in") throw new Error("no session");
    const app = createWebApp({ ...deps, push: null });
    const headers = { cookie: `${sessionCookie}=${session.sessionId}` };

    const warm = await app.request("/don-vi/LB", { headers });
    const html = await warm.text();
    if (warm.status !== 200) throw new Error(`the overview answered ${warm.status}`);
    context.log(`${requests} requests of the district's overview`);
    const times: number[] = [];
    const started = performance.now();
    for (let index = 0; index < requests; index++) {
      const at = performance.now();
      const response = await app.request("/don-vi/LB", { headers });
      await response.text();
      times.push(performance.now() - at);
    }
    const seconds = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!;
    const scripts = (html.match(/<script\b/gi) ?? []).length;
    return {
      rows: [
        {
          benchmark: `web: the district's overview (/don-vi/LB, ${context.databaseKind}), median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`,
          messages: requests,
          seconds,
          rate: requests / seconds,
          goal: `median ≤ ${goalMs} ms server time; no more than 100 KB of script`,
          met: median <= goalMs && scripts === 0,
        },
      ],
      notes: [
        `Web: the overview of the demo district (49 grassroots organisations, 587 cells, a third held) through the app's request handler, signed in; ${(html.length / 1024).toFixed(0)} KB of HTML, ${scripts} script(s): the pages ship no JavaScript.`,
      ],
    };
  },
};
