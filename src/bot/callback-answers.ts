// Answering a button press only stops the spinner on the person's button; what the press does (saving a
// report) must not depend on it. A press handled again after a crash (its update was stored but not yet
// marked handled when the process died, or when the instance holding its chat died) was answered already,
// or waited too long: Telegram refuses the answer with 400, and that refusal is taken as done.
import type { Transformer } from "grammy";

export const callbackAnswersMayBeLate: Transformer = async (prev, method, payload, signal) => {
  const result = await prev(method, payload, signal);
  if (method === "answerCallbackQuery" && !result.ok && result.error_code === 400)
    return { ok: true, result: true } as Awaited<ReturnType<typeof prev>>;
  return result;
};
