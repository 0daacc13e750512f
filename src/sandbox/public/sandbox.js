// The sandbox page: plain JavaScript, no build step. All data comes from the JSON API under /api; the
// server renders message text to escaped HTML, so the page never inserts raw user or bot text as HTML.

const state = {
  lang: localStorage.getItem("sandbox-lang") || null,
  strings: {},
  ready: false,
  timezone: "Asia/Ho_Chi_Minh",
  persona: null,
  personas: { featured: [], results: null, total: 0 },
  chat: null,
  commands: [],
  lastMessageCount: 0,
};

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, children = []) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "html")
      node.innerHTML = value; // only server-escaped HTML (chat-view.ts)
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
};

function t(key, args = {}) {
  let text = state.strings[key] ?? key;
  for (const [name, value] of Object.entries(args)) text = text.split(`{$${name}}`).join(String(value));
  return text;
}

// Every request that changes something carries a JSON body with its content type: the server refuses
// anything else (a cross-site form cannot send application/json), and only answers its own origin.
async function api(path, options = {}) {
  const writes = options.method !== undefined && options.method !== "GET";
  const response = await fetch(path, {
    ...options,
    credentials: "same-origin",
    headers: writes ? { "content-type": "application/json" } : undefined,
    body: writes ? JSON.stringify(options.body ?? {}) : undefined,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok)
    throw Object.assign(new Error(body.detail || body.error || response.statusText), { code: body.error });
  return body;
}

function showError(error) {
  $("error").textContent = error
    ? `${t("sandbox-page-error")} ${error.code === "text-too-long" ? t("sandbox-page-text-too-long") : error.message}`
    : "";
}

// --- language -------------------------------------------------------------------------------

async function loadStrings() {
  state.strings = await api(`/api/strings?lang=${state.lang}`);
  document.documentElement.lang = state.lang;
  document.title = t("sandbox-page-title");
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  for (const node of document.querySelectorAll("[data-placeholder]")) node.placeholder = t(node.dataset.placeholder);
}

$("composer").addEventListener("submit", (event) => event.preventDefault());
document.querySelector(".lang").addEventListener("click", async () => {
  state.lang = state.lang === "vi" ? "en" : "vi";
  localStorage.setItem("sandbox-lang", state.lang);
  await loadStrings();
  renderPersonas();
  await loadCommands();
  renderChat();
  renderClock();
});

// --- clock --------------------------------------------------------------------------------------

/** dd/mm/yyyy HH:mm in the sandbox's time zone (the format the bot uses), with the weekday if asked. */
function formatTime(iso, { weekday = false, year = true } = {}) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: state.timezone,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const day = new Intl.DateTimeFormat(state.lang === "vi" ? "vi-VN" : "en-GB", {
    timeZone: state.timezone,
    weekday: "long",
  }).format(new Date(iso));
  const date = `${parts.day}/${parts.month}${year ? `/${parts.year}` : ""}`;
  return `${weekday ? `${day}, ` : ""}${date} ${parts.hour}:${parts.minute}`;
}

async function refreshClock() {
  state.clock = await api("/api/clock");
  state.timezone = state.clock.timezone;
  renderClock();
}

function renderClock() {
  if (!state.clock) return;
  $("clock-now").textContent = formatTime(state.clock.now, { weekday: true });
  $("clock-next-digest").textContent = formatTime(state.clock.nextDigest);
}

for (const button of document.querySelectorAll("[data-clock]")) {
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const action = button.dataset.clock;
      state.clock = await api(`/api/clock/${action}`, {
        method: "POST",
        body: action === "advance" ? { hours: Number(button.dataset.hours) } : {},
      });
      renderClock();
      showError(null);
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
}
// The sandbox clock runs on between actions.
setInterval(() => state.ready && refreshClock().catch(() => {}), 30_000);

// --- personas -------------------------------------------------------------------------------------

function roleLine(persona) {
  if (persona.kind === "group") return t("sandbox-page-group");
  const parts = persona.roles.map(
    (role) => `${t(`sandbox-page-role-${role.role}`)} · ${role.unitName} (${role.unitCode})`,
  );
  for (const group of persona.workingGroups) {
    parts.push(
      `${t(group.leader ? "sandbox-page-working-group-leader" : "sandbox-page-working-group-member")} · ${group.name}`,
    );
  }
  return parts.join("; ");
}

function personaButton(persona) {
  return el(
    "button",
    {
      type: "button",
      class: `persona${state.persona?.key === persona.key ? " selected" : ""}`,
      dataset: { key: persona.key },
      "data-testid": `persona-${persona.key}`,
      onclick: () => selectPersona(persona),
    },
    [
      el("div", { class: "name" }, [
        persona.name,
        !persona.bound && el("span", { class: "badge", text: t("sandbox-page-not-bound") }),
      ]),
      el("div", { class: "roles muted", text: roleLine(persona) }),
    ],
  );
}

function renderPersonas() {
  $("featured").replaceChildren(...state.personas.featured.map(personaButton));
  const results = state.personas.results;
  if (results === null) return $("results").replaceChildren();
  const more = state.personas.total - results.length;
  $("results").replaceChildren(
    el("h3", { text: t("sandbox-page-results") }),
    ...(results.length === 0
      ? [el("div", { class: "muted", text: t("sandbox-page-no-results") })]
      : results.map(personaButton)),
    ...(more > 0 ? [el("div", { class: "muted small", text: t("sandbox-page-more", { count: more }) })] : []),
  );
}

let searchTimer = null;
$("search").addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(loadPersonas, 150);
});

async function loadPersonas() {
  state.personas = await api(`/api/personas?q=${encodeURIComponent($("search").value)}`);
  if (state.persona) {
    const fresh = [...state.personas.featured, ...(state.personas.results ?? [])].find(
      (p) => p.key === state.persona.key,
    );
    if (fresh) state.persona = fresh;
  }
  renderPersonas();
}

async function selectPersona(persona) {
  state.persona = persona;
  state.chat = null;
  state.lastMessageCount = 0;
  $("commands").hidden = true;
  showError(null);
  renderPersonas();
  $("text").disabled = false;
  $("send").disabled = false;
  await loadChat();
  $("text").focus();
}

// --- chat ------------------------------------------------------------------------------------------

async function loadChat() {
  if (!state.persona) return;
  const key = state.persona.key;
  const chat = await api(`/api/personas/${key}/chat`);
  if (state.persona?.key !== key) return;
  state.chat = chat;
  state.persona = chat.persona;
  renderChat();
}

function formatSize(bytes) {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function messageNode(message, isGroup) {
  if (message.service) {
    const key = message.service.kind === "members-added" ? "sandbox-page-members-added" : "sandbox-page-member-left";
    return el("div", { class: "service", text: t(key, { names: message.service.names.join(", ") }) });
  }
  const bubble = el("div", {
    class: `message${message.fromBot ? "" : " mine"}${message.deleted ? " deleted" : ""}`,
    "data-testid": message.fromBot ? "bot-message" : "user-message",
    "data-message-id": message.id,
  });
  if (isGroup || message.fromBot)
    bubble.append(el("div", { class: "sender", text: message.fromBot ? message.sender : message.sender }));
  if (message.photo) {
    bubble.append(
      el("img", {
        src: `/api/files/${message.photo.fileId}`,
        alt: "",
        width: message.photo.width || undefined,
        "data-testid": "photo",
      }),
    );
  }
  if (message.document) {
    bubble.append(
      el("div", { class: "document", "data-testid": "document" }, [
        el("span", { text: "📄" }),
        el("div", {}, [
          el("a", {
            href: `/api/files/${message.document.fileId}?download=1`,
            download: message.document.name,
            text: message.document.name,
          }),
          el("div", {
            class: "muted small",
            text: `${formatSize(message.document.size)} · ${t("sandbox-page-download")}`,
          }),
        ]),
      ]),
    );
  }
  if (message.contact)
    bubble.append(el("div", { class: "text", text: `📞 ${message.contact.name} ${message.contact.phone}` }));
  if (message.deleted) bubble.append(el("div", { class: "text", text: t("sandbox-page-deleted") }));
  else if (message.html) bubble.append(el("div", { class: "text", html: message.html }));
  bubble.append(
    el("div", { class: "meta" }, [
      message.editDate ? `${t("sandbox-page-edited")} · ` : "",
      formatTime(new Date((message.editDate ?? message.date) * 1000).toISOString(), { year: false }),
    ]),
  );
  // As in Telegram, the inline keyboard is as wide as the message (or the message as wide as it).
  const wrapper = el("div", { class: `message-group${message.fromBot ? "" : " mine"}` }, [bubble]);
  if (message.buttons.length > 0 && !message.deleted) {
    wrapper.append(
      el(
        "div",
        { class: "inline-keyboard" },
        message.buttons.map((row) =>
          el(
            "div",
            { class: "row" },
            row.map((button) =>
              button.url
                ? el("a", { href: button.url, target: "_blank", rel: "noopener noreferrer", text: `${button.text} ↗` })
                : el("button", {
                    type: "button",
                    text: button.text,
                    "data-testid": "inline-button",
                    onclick: (event) => press(message.id, button.data, event.currentTarget),
                  }),
            ),
          ),
        ),
      ),
    );
  }
  return wrapper;
}

function renderChat() {
  const header = $("chat-header");
  if (!state.persona) return;
  const persona = state.persona;
  header.replaceChildren(
    el("div", { class: "name", "data-testid": "chat-title", text: persona.name }),
    el("div", {
      class: "muted small",
      text: persona.kind === "group" ? `${t("sandbox-page-speaking-as")} ${speakerName()}` : roleLine(persona),
    }),
  );
  const messages = state.chat?.messages ?? [];
  const list = $("messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  if (messages.length === 0) {
    list.replaceChildren(
      el("div", { class: "empty", text: t(persona.bound ? "sandbox-page-empty-chat" : "sandbox-page-empty-unbound") }),
    );
  } else {
    list.replaceChildren(...messages.map((message) => messageNode(message, persona.kind === "group")));
  }
  if (atBottom || messages.length !== state.lastMessageCount) list.scrollTop = list.scrollHeight;
  state.lastMessageCount = messages.length;

  const keyboard = state.chat?.keyboard;
  $("reply-keyboard").replaceChildren(
    ...(keyboard?.rows ?? []).map((row) =>
      el(
        "div",
        { class: "row" },
        row.map((button) =>
          el("button", {
            type: "button",
            text: button.requestContact ? `📞 ${button.text}` : button.text,
            "data-testid": button.requestContact ? "share-contact" : "keyboard-button",
            onclick: () => (button.requestContact ? shareContact() : send(button.text)),
          }),
        ),
      ),
    ),
  );
  if (keyboard?.placeholder) $("text").placeholder = keyboard.placeholder;
  else $("text").placeholder = t("sandbox-page-composer");
}

function speakerName() {
  const speaker = state.personas.featured.find((p) => p.kind === "person" && p.userId === state.persona.userId);
  return speaker ? speaker.name : "";
}

async function send(text) {
  if (!state.persona || !text.trim()) return;
  try {
    await api(`/api/personas/${state.persona.key}/send`, { method: "POST", body: { text, lang: state.lang } });
    showError(null);
    $("commands").hidden = true;
    await loadChat();
  } catch (error) {
    showError(error);
    throw error;
  }
}

async function press(messageId, data, button) {
  button.disabled = true;
  try {
    await api(`/api/personas/${state.persona.key}/press`, {
      method: "POST",
      body: { messageId, data, lang: state.lang },
    });
    showError(null);
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

async function shareContact() {
  try {
    await api(`/api/personas/${state.persona.key}/contact`, { method: "POST", body: { lang: state.lang } });
    showError(null);
    await loadChat();
  } catch (error) {
    showError(error);
  }
}

$("send").addEventListener("click", async () => {
  const input = $("text");
  const text = input.value;
  if (!text.trim()) return;
  try {
    await send(text);
    input.value = "";
  } catch {
    // the error is shown; the text stays for correcting
  }
});
$("text").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("send").click();
  }
});
$("messages").addEventListener("click", (event) => {
  const link = event.target.closest("a.command");
  if (!link) return;
  event.preventDefault();
  send(link.dataset.command).catch(() => {});
});

// --- commands (setMyCommands) ---------------------------------------------------------------------------

async function loadCommands() {
  state.commands = await api(`/api/commands?lang=${state.lang}`);
  $("command-list").replaceChildren(
    ...state.commands.map((c) => el("option", { value: `/${c.command}`, label: c.description })),
  );
  $("commands").replaceChildren(
    el("div", { class: "muted small", style: "padding:6px 12px", text: t("sandbox-page-commands") }),
    ...state.commands.map((c) =>
      el(
        "button",
        { type: "button", "data-testid": `command-${c.command}`, onclick: () => send(`/${c.command}`).catch(() => {}) },
        [el("span", { class: "cmd", text: `/${c.command}` }), el("span", { class: "muted", text: c.description })],
      ),
    ),
  );
}
$("commands-button").addEventListener("click", () => {
  if (state.persona) $("commands").hidden = !$("commands").hidden;
});

// --- live updates -------------------------------------------------------------------------------------------

let refreshing = false;
let again = false;
async function refresh() {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = true;
  try {
    await Promise.all([loadChat(), loadPersonas()]);
  } catch {
    // the next change event retries
  } finally {
    refreshing = false;
    if (again) {
      again = false;
      refresh();
    }
  }
}

function listen() {
  const events = new EventSource("/api/events");
  events.addEventListener("change", () => {
    if (!state.ready) return void boot();
    refresh();
  });
}

// --- start ---------------------------------------------------------------------------------------------------

async function boot() {
  const status = await api("/api/state").catch(() => null);
  if (!state.lang) state.lang = status?.defaultLocale ?? "vi";
  if (Object.keys(state.strings).length === 0) await loadStrings();
  if (status?.phase === "failed") {
    $("failure").textContent = `${t("sandbox-page-failed")} ${status.error ?? ""}`;
    return;
  }
  if (status?.phase !== "ready") return void setTimeout(boot, 400);
  if (state.ready) return;
  state.ready = true;
  $("starting").hidden = true;
  $("main").hidden = false;
  document.body.dataset.ready = "true";
  await Promise.all([refreshClock(), loadPersonas(), loadCommands()]);
}

listen();
boot();
