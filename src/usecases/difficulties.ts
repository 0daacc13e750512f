// Difficulties (/khokhan): a unit's officers raise one for their working group, whose leaders are told;
// the unit and its working group resolve it, and the unit's secretaries are told; the standing committee
// and the office read the open ones under them (complaints and denunciations included). A unit is chosen
// among the person's own (several: the entry point asks which), or named by its code first in the text.
import { afterQuietHours, localDateOf } from "../clock.js";
import type { Config } from "../config.js";
import {
  completePendingDifficulty,
  difficultyRecipients,
  findActiveUnits,
  findDifficulty,
  findDifficultyByUpdate,
  openDifficultiesIn,
  openDifficulty,
  resolveDifficulty as storeResolution,
  type DifficultyUnit,
  type NewDifficulty,
  type NoticeRecipient,
  type StoredDifficulty,
} from "../db/difficulty-store.js";
import type { NewOutboxMessage } from "../db/outbox-store.js";
import type { PersonProfile } from "../db/people-store.js";
import { findUnitByCode, type CodedUnit } from "../db/unit-lookup.js";
import {
  canResolveDifficulty,
  checkDifficultyText,
  difficultyUnitChoices,
  isSensitiveDifficulty,
} from "../domain/difficulty-rules.js";
import { formatLocalDate } from "../domain/local-date.js";
import { grantsFor, mayAct, reportRight } from "../domain/scope.js";
import { unitCodePattern } from "../domain/unit-code.js";
import { localeFromLanguageCode, type Locale, type Translate } from "../i18n.js";
import { renderUnitName } from "../render/difficulty-text.js";
import type { UseCaseDeps } from "./deps.js";

export interface DifficultyDeps extends UseCaseDeps {
  config: Pick<Config, "timezone" | "defaultLocale" | "quietHours">;
  /** Notices are written in each recipient's language. */
  translate: (locale: Locale) => Translate;
}

/** Who raises or resolves: the roster entry, its Telegram account (not told of their own act), the audit name. */
export interface DifficultyActor {
  person: PersonProfile;
  telegramUserId: number | null;
  actor: string;
}

export interface Raised {
  text: string;
  sensitive: boolean;
  /** The request that raised it: the difficulty and its notices are stored under it, once. */
  requestKey: number;
}

export type RaiseDifficultyOutcome =
  /** No text: the entry point lists the open difficulties (`mayList`) or says the person raises none. */
  | { status: "empty"; mayList: boolean }
  | { status: "not-allowed" }
  | { status: "too-long"; length: number; max: number }
  /** The text starts with another unit's code: refused rather than filed against the person's own unit. */
  | { status: "not-yours"; unit: CodedUnit }
  /** Only a unit's code, no text. */
  | { status: "text-missing" }
  /** Several units: the entry point asks which (and completes with `completeDifficultyChoice`). */
  | { status: "choose-unit"; units: DifficultyUnit[]; raised: Raised }
  /** `leaders`: the working-group leaders told (not the person themselves). */
  | { status: "recorded"; unit: DifficultyUnit; raised: Raised; leaders: NoticeRecipient[] };

export async function raiseDifficulty(
  deps: DifficultyDeps,
  input: DifficultyActor & { text: string; requestKey: number },
): Promise<RaiseDifficultyOutcome> {
  const { person } = input;
  const choices = difficultyUnitChoices(person);
  const check = checkDifficultyText(input.text);
  if (!check.ok && check.problem === "empty") {
    // The standing committee and admins raise none, but read the open ones under them.
    return { status: "empty", mayList: choices.length > 0 || grantsFor(person, "complaints").length > 0 };
  }
  if (choices.length === 0) return { status: "not-allowed" };
  if (!check.ok) return { status: "too-long", length: check.length, max: check.max };

  const stored = await findDifficultyByUpdate(deps.prisma, input.requestKey);
  if (stored) {
    // A redelivery answers as the first time (the notices went out with the first).
    const raised = { text: stored.text, sensitive: stored.sensitive, requestKey: input.requestKey };
    const { leaders } = await openedNotices(deps, stored.unit, raised, input.telegramUserId);
    return { status: "recorded", unit: stored.unit, raised, leaders };
  }

  // "/khokhan GT-07 nội dung": a unit's code first names the unit.
  const named = await unitNamedFirst(deps, person.organizationId, check.text);
  if (named && !choices.some((unit) => unit.id === named.unit.id)) return { status: "not-yours", unit: named.unit };
  const text = named ? named.rest : check.text;
  if (text === "") return { status: "text-missing" };
  const raised: Raised = { text, sensitive: isSensitiveDifficulty(text), requestKey: input.requestKey };
  const units = await findActiveUnits(deps.prisma, named ? [named.unit.id] : choices.map((unit) => unit.id));
  if (units.length === 0) return { status: "not-allowed" };
  if (units.length > 1) return { status: "choose-unit", units, raised };
  const unit = units[0]!;
  const leaders = await file(deps, input, unit, raised, (difficulty) => openDifficulty(deps.prisma, difficulty));
  return { status: "recorded", unit, raised, leaders };
}

/** Files the difficulty against the unit with the notices to its working-group leaders; returns those told. */
async function file(
  deps: DifficultyDeps,
  actor: DifficultyActor,
  unit: DifficultyUnit,
  raised: Raised,
  store: (difficulty: NewDifficulty) => Promise<unknown>,
): Promise<NoticeRecipient[]> {
  const { leaders, notices } = await openedNotices(deps, unit, raised, actor.telegramUserId);
  await store({
    unit,
    text: raised.text,
    sensitive: raised.sensitive,
    openedById: actor.person.id,
    openedAt: deps.clock.now(),
    telegramUpdateId: raised.requestKey,
    actor: actor.actor,
    notices,
  });
  return leaders;
}

export type CompleteChoiceOutcome =
  | { status: "stale" }
  | { status: "not-allowed" }
  | { status: "recorded"; unit: DifficultyUnit; raised: Raised; leaders: NoticeRecipient[] };

/**
 * The unit chosen for a difficulty that waited for the choice (`pending`: the waiting choice, found by the
 * entry point under its own key). The person's right is checked again; the choice ends with the filing.
 */
export async function completeDifficultyChoice(
  deps: DifficultyDeps,
  input: DifficultyActor & {
    pending: { text: string; sensitive: boolean; updateId: number; unitIds: number[]; nonce: string };
    choiceKey: { chatId: number; userId: number };
    index: number;
  },
): Promise<CompleteChoiceOutcome> {
  const unitId = input.pending.unitIds[input.index];
  const [unit] = unitId === undefined ? [] : await findActiveUnits(deps.prisma, [unitId]);
  if (!unit) return { status: "stale" };
  if (reportRight(input.person, unit) === null) return { status: "not-allowed" };
  const raised: Raised = {
    text: input.pending.text,
    sensitive: input.pending.sensitive,
    requestKey: input.pending.updateId,
  };
  // The choice ends with the filing, in one transaction.
  const leaders = await file(deps, input, unit, raised, (difficulty) =>
    completePendingDifficulty(deps.prisma, { ...input.choiceKey, nonce: input.pending.nonce }, difficulty),
  );
  return { status: "recorded", unit, raised, leaders };
}

export type ResolveDifficultyOutcome =
  /** Unknown and forbidden look the same, so a request cannot probe which difficulties exist. */
  | { status: "not-allowed" }
  | { status: "already-resolved" }
  | { status: "resolved"; difficulty: StoredDifficulty; resolvedAt: Date };

export async function resolveDifficulty(
  deps: DifficultyDeps,
  input: DifficultyActor & { difficultyId: number },
): Promise<ResolveDifficultyOutcome> {
  const difficulty = await findDifficulty(deps.prisma, input.difficultyId);
  if (!difficulty || !canResolveDifficulty(input.person, difficulty.unit)) return { status: "not-allowed" };
  const resolvedAt = deps.clock.now();
  const notices = await resolvedNotices(deps, difficulty, input.person);
  const outcome = await storeResolution(deps.prisma, {
    difficulty,
    resolvedById: input.person.id,
    resolvedAt,
    actor: input.actor,
    notices,
  });
  return outcome === "already-resolved"
    ? { status: "already-resolved" }
    : { status: "resolved", difficulty, resolvedAt };
}

/**
 * The open difficulties a person follows: those they may resolve (their units', their working group's), and
 * for the standing committee and admins every one under them, to read (a complaint's text reaches them).
 */
export async function openDifficultiesFor(
  deps: UseCaseDeps,
  person: PersonProfile,
): Promise<{ difficulty: StoredDifficulty; resolvable: boolean }[]> {
  const officer = person.roles.filter(({ role }) => role === "secretary" || role === "deputy" || role === "reporter");
  const candidates = await openDifficultiesIn(deps.prisma, {
    unitIds: officer.map(({ unit }) => unit.id),
    subtreePaths: [
      ...officer.filter(({ role }) => role === "reporter").map(({ unit }) => unit.path),
      ...person.ledGroupUnits.map((unit) => unit.path),
      ...grantsFor(person, "complaints").map(({ unit }) => unit.path),
    ],
  });
  return candidates
    .map((difficulty) => ({ difficulty, resolvable: canResolveDifficulty(person, difficulty.unit) }))
    .filter(({ difficulty, resolvable }) => resolvable || mayAct(person, "complaints", difficulty.unit));
}

/** The unit whose code (of the person's organisation) starts the text, and the text after it. */
async function unitNamedFirst(
  deps: UseCaseDeps,
  organizationId: number,
  text: string,
): Promise<{ unit: CodedUnit; rest: string } | null> {
  const first = text.split(/\s/, 1)[0]!;
  // A word that is no unit's code (an abbreviation, a number) is simply the start of the text.
  if (!unitCodePattern.test(first)) return null;
  const unit = await findUnitByCode(deps.prisma, organizationId, first);
  return unit && { unit, rest: text.slice(first.length).trim() };
}

/**
 * The notices telling the unit's working-group leaders of a new difficulty, keyed by the request that raised
 * it, so a redelivered request writes them once. A complaint is not quoted.
 */
async function openedNotices(
  deps: DifficultyDeps,
  unit: DifficultyUnit,
  raised: Raised,
  raisedBy: number | null,
): Promise<{ leaders: NoticeRecipient[]; notices: NewOutboxMessage[] }> {
  const { leaders } = await difficultyRecipients(deps.prisma, unit);
  const today = formatLocalDate(localDateOf(deps.clock.now(), deps.config.timezone));
  const others = leaders.filter((leader) => raisedBy === null || leader.telegramUserId !== BigInt(raisedBy));
  const notices = others.map((leader) =>
    notice(deps, leader, `difficulty-opened:${raised.requestKey}:${leader.telegramUserId}`, (t) =>
      t(raised.sensitive ? "difficulty-notice-opened-hidden" : "difficulty-notice-opened", {
        unit: renderUnitName(t, unit),
        date: today,
        text: raised.text,
      }),
    ),
  );
  return { leaders: others, notices };
}

/** The notices telling the unit's secretaries (but the one who resolved it) that a difficulty is resolved. */
async function resolvedNotices(
  deps: DifficultyDeps,
  difficulty: StoredDifficulty,
  resolver: PersonProfile,
): Promise<NewOutboxMessage[]> {
  const { secretaries } = await difficultyRecipients(deps.prisma, difficulty.unit);
  const { timezone } = deps.config;
  const args = {
    opened: formatLocalDate(localDateOf(difficulty.openedAt, timezone)),
    text: difficulty.text,
    name: resolver.name,
    date: formatLocalDate(localDateOf(deps.clock.now(), timezone)),
  };
  return secretaries
    .filter((secretary) => secretary.personId !== resolver.id)
    .map((secretary) =>
      notice(deps, secretary, `difficulty-resolved:${difficulty.id}:${secretary.telegramUserId}`, (t) =>
        t(difficulty.sensitive ? "difficulty-notice-resolved-hidden" : "difficulty-notice-resolved", {
          ...args,
          unit: renderUnitName(t, difficulty.unit),
        }),
      ),
    );
}

/** A notice to someone other than the sender: in their language, sent after the quiet hours at night. */
function notice(
  deps: DifficultyDeps,
  to: NoticeRecipient,
  dedupeKey: string,
  text: (t: Translate) => string,
): NewOutboxMessage {
  const t = deps.translate(localeFromLanguageCode(to.locale ?? undefined) ?? deps.config.defaultLocale);
  return {
    dedupeKey,
    chatId: to.telegramUserId,
    kind: "difficulty-notice",
    payload: { method: "sendMessage", params: { text: text(t) } },
    notBefore: afterQuietHours(deps.clock.now(), deps.config.timezone, deps.config.quietHours),
  };
}
