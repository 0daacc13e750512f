import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localesDir } from "../../src/i18n.js";

/** Keys of one locale: locales/<locale>.ftl plus every locales/<locale>/*.ftl (one file per feature). */
function keys(locale: string): string[] {
  const files = [path.join(localesDir, `${locale}.ftl`)];
  const dir = path.join(localesDir, locale);
  try {
    files.push(
      ...readdirSync(dir)
        .filter((name) => name.endsWith(".ftl"))
        .map((name) => path.join(dir, name)),
    );
  } catch {
    // no per-feature files yet
  }
  const all = files.flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((match) => match[1]!),
  );
  expect(new Set(all).size, `a key is defined twice in ${locale}`).toBe(all.length);
  return all.sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(path.join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [path.join(dir, entry.name)]
        : [],
  );
}

describe("locales", () => {
  it("when a key exists in one language, then it exists in the other", () => {
    const vi = keys("vi");
    const en = keys("en");
    expect(vi.filter((key) => !en.includes(key))).toEqual([]);
    expect(en.filter((key) => !vi.includes(key))).toEqual([]);
    expect(vi.length).toBeGreaterThan(50);
  });

  it("when the code names a key literally, then the key exists", () => {
    const known = new Set(keys("vi"));
    const srcDir = path.join(localesDir, "..", "src");
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"/g)) used.add(match[1]!);
      for (const match of text.matchAll(/Key: "([a-z][a-z0-9-]*)"/g)) used.add(match[1]!);
    }
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });
});
