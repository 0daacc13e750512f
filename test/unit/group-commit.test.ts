import { describe, expect, it } from "vitest";
import { groupCommit } from "../../src/bot/group-commit.js";

/** A flush that records its batches and finishes when the test releases it. */
function recordingFlush() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  let failNext = false;
  const flush = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => releases.push(resolve));
    if (failNext) {
      failNext = false;
      throw new Error("database down");
    }
  };
  return { batches, flush, releaseNext: () => releases.shift()!(), failNextFlush: () => (failNext = true) };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("group commit", () => {
  it("when an item comes alone, then it is flushed at once by itself", async () => {
    const recorder = recordingFlush();
    const add = groupCommit(recorder.flush);
    const done = add(1);
    expect(recorder.batches).toEqual([[1]]);
    recorder.releaseNext();
    await done;
  });

  it("when items arrive during a flush, then they go together in the next one, and each resolves with its own batch", async () => {
    const recorder = recordingFlush();
    const add = groupCommit(recorder.flush);
    const resolved: number[] = [];
    const first = add(1).then(() => resolved.push(1));
    const rest = [2, 3, 4].map((item) => add(item).then(() => resolved.push(item)));
    expect(recorder.batches).toEqual([[1]]);
    recorder.releaseNext();
    await first;
    await settled();
    expect(resolved).toEqual([1]);
    expect(recorder.batches).toEqual([[1], [2, 3, 4]]);
    recorder.releaseNext();
    await Promise.all(rest);
    expect(resolved).toEqual([1, 2, 3, 4]);
  });

  it("when a flush fails, then its items reject with the error and the next items are flushed again", async () => {
    const recorder = recordingFlush();
    const add = groupCommit(recorder.flush);
    recorder.failNextFlush();
    const failed = add(1);
    recorder.releaseNext();
    await expect(failed).rejects.toThrow("database down");
    const next = add(2);
    expect(recorder.batches).toEqual([[1], [2]]);
    recorder.releaseNext();
    await expect(next).resolves.toBeUndefined();
  });
});
