// Which push endpoints the server sends to (src/domain/push-endpoint.ts): the browsers' push services over
// HTTPS, and the origins the office adds; never an address of its own network.
import { describe, expect, it } from "vitest";
import { isAllowedPushEndpoint } from "../../src/domain/push-endpoint.js";

describe("push endpoints", () => {
  it("when the endpoint is a browser's push service over HTTPS, then it is accepted", () => {
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/abc:APA91b",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
      "https://wns2-db5p.notify.windows.com/w/?token=BQYAAA",
      "https://web.push.apple.com/QGuQyavXutnMH",
    ]) {
      expect(isAllowedPushEndpoint(endpoint, []), endpoint).toBe(true);
    }
  });

  it("when the endpoint is anything else, then it is refused unless the office added its origin", () => {
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/abc",
      "https://fcm.googleapis.com:8443/fcm/send/abc",
      "https://evil.example/fcm.googleapis.com",
      "https://fcm.googleapis.com.evil.example/x",
      "https://notpush.apple.com/x",
      "https://user:pw@fcm.googleapis.com/x",
      "http://127.0.0.1:5432/",
      "http://10.0.0.1/",
      "file:///etc/passwd",
      "not a url",
    ]) {
      expect(isAllowedPushEndpoint(endpoint, []), endpoint).toBe(false);
    }
    expect(isAllowedPushEndpoint("http://127.0.0.1:4100/push/1", ["http://127.0.0.1:4100"])).toBe(true);
    expect(isAllowedPushEndpoint("http://127.0.0.1:4101/push/1", ["http://127.0.0.1:4100"])).toBe(false);
  });
});
