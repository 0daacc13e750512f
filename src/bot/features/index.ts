// Every feature of the bot, in the order they get a chance to answer. The `unhandled` feature is
// installed after these by create-bot.ts.
import type { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { groupBindingFeature } from "./group-binding.js";
import { difficultiesFeature } from "./difficulties.js";
import { exportFeature } from "./export.js";
import { helpFeature } from "./help.js";
import { languageFeature } from "./language.js";
import { onboardingFeature } from "./onboarding.js";
import { reminderPauseFeature } from "./reminder-pause.js";
import { progressFeature } from "./progress.js";
import { campaignReportingFeature } from "./campaign-reporting.js";
import { reportingFeature } from "./reporting.js";
import { startFeature } from "./start.js";
import { statusFeature } from "./status.js";
import { webLinkFeature } from "./web-link.js";

export const features: Composer<BotContext>[] = [
  groupBindingFeature, // first: it decides what a group that is not bound may reach (docs/groups.md)
  startFeature,
  helpFeature,
  onboardingFeature,
  reportingFeature,
  campaignReportingFeature, // after reportingFeature: /baocao is parsed there, and hands other campaigns here
  difficultiesFeature,
  statusFeature,
  progressFeature,
  exportFeature,
  reminderPauseFeature,
  languageFeature,
  webLinkFeature,
];
