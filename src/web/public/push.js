// Turns notifications on in this browser (docs/web-push.md): registers the service worker, asks the
// browser's permission, subscribes with the server's public key and hands the subscription to the server.
// The only script of the web app, loaded on the notifications page alone.
const button = document.getElementById("push-on");
const status = document.getElementById("push-status");

function say(text) {
  status.textContent = text;
}

/** The server's VAPID public key, base64url, as the bytes PushManager wants. */
function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

if (button && status) {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say(button.dataset.unsupported);
  } else {
    button.hidden = false;
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const registration = await navigator.serviceWorker.register("/sw.js");
        if ((await Notification.requestPermission()) !== "granted") {
          say(button.dataset.denied);
          return;
        }
        const subscription = await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(button.dataset.key),
        });
        const json = subscription.toJSON();
        const response = await fetch("/thong-bao/dang-ky", {
          method: "POST",
          credentials: "same-origin",
          body: new URLSearchParams({
            _csrf: button.dataset.csrf,
            endpoint: json.endpoint,
            p256dh: json.keys.p256dh,
            auth: json.keys.auth,
          }),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        say(button.dataset.done);
        window.location.reload();
      } catch {
        say(button.dataset.failed);
      } finally {
        button.disabled = false;
      }
    });
  }
}
