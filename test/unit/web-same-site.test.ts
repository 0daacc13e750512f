// The web app's Origin check (src/web/web-app.ts): a form POST is accepted from the address the request
// reached or from WEB_PUBLIC_URL (behind the office's HTTPS proxy the two differ), from nowhere else.
import { describe, expect, it } from "vitest";
import { sameSite } from "../../src/web/web-app.js";

describe("sameSite", () => {
  const local = "http://127.0.0.1:8080/dang-nhap";
  it("when the Origin is the server's own address, then the POST is accepted", () => {
    expect(sameSite("http://127.0.0.1:8080", local, null)).toBe(true);
  });
  it("when the Origin is the public address behind a proxy, then the POST is accepted", () => {
    expect(sameSite("https://daihoi.example.vn", local, "https://daihoi.example.vn")).toBe(true);
    expect(sameSite("https://daihoi.example.vn", local, "https://daihoi.example.vn/tro-ly")).toBe(true);
  });
  it("when the Origin is missing, null, another site or another scheme, then the POST is refused", () => {
    expect(sameSite(undefined, local, "https://daihoi.example.vn")).toBe(false);
    expect(sameSite("null", local, "https://daihoi.example.vn")).toBe(false);
    expect(sameSite("https://evil.example", local, "https://daihoi.example.vn")).toBe(false);
    expect(sameSite("http://daihoi.example.vn", local, "https://daihoi.example.vn")).toBe(false);
    expect(sameSite("http://127.0.0.1:8081", local, null)).toBe(false);
  });
});
