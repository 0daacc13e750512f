// Which push subscriptions the server accepts. A subscription's endpoint is an address the server will
// POST to: accepting any would let a signed-in person make the server call machines of the office's own
// network. Only the push services of the browsers people use, over HTTPS, and those the office adds.

/** Chrome and Android (FCM), Firefox (Mozilla), Edge (Windows Push), Safari (Apple). */
const browserPushHosts: readonly { host: string; subdomains: boolean }[] = [
  { host: "fcm.googleapis.com", subdomains: false },
  { host: "android.googleapis.com", subdomains: false },
  { host: "push.services.mozilla.com", subdomains: true },
  { host: "notify.windows.com", subdomains: true },
  { host: "push.apple.com", subdomains: true },
];

/** Whether the server may send to this endpoint; `extraOrigins`: exact origins the office allows too. */
export function isAllowedPushEndpoint(endpoint: string, extraOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (extraOrigins.includes(url.origin)) return true;
  if (url.protocol !== "https:" || url.port !== "") return false;
  return browserPushHosts.some(
    ({ host, subdomains }) => url.hostname === host || (subdomains && url.hostname.endsWith(`.${host}`)),
  );
}
