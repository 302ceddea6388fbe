// The demo inbox: polls /demo/inbox.json and lists what each seeded contact received, newest first.
"use strict";

(() => {
  const refreshMs = 3000;
  const { el, fill } = UC;

  function pretty(body) {
    try { return JSON.stringify(JSON.parse(body), null, 2); } catch { return body; }
  }

  function row(entry) {
    return el("tr", {},
      el("td", {}, el("time", { datetime: entry.receivedAt }, new Date(entry.receivedAt).toLocaleTimeString())),
      el("td", {}, entry.clientId),
      el("td", {}, entry.contactId),
      el("td", { class: "inbox-kind" }, entry.kind || "—"),
      el("td", {},
        el("div", { class: "inbox-title" }, entry.title || "(no title)"),
        entry.summary && entry.summary !== entry.title ? el("div", { class: "muted" }, entry.summary) : null,
        el("details", { class: "inbox-raw" }, el("summary", {}, "Raw JSON"), el("pre", {}, pretty(entry.body)))));
  }

  // Rows are rebuilt only when something new arrived, so an open <details> stays open between polls.
  let shown = "";

  async function refresh() {
    const state = document.getElementById("inbox-state");
    try {
      const page = await UC.api("/demo/inbox.json");
      const latest = page.items.map(e => `${e.clientId}/${e.contactId}/${e.webhookId}`).join("|");
      if (latest !== shown && page.items.length > 0) {
        fill("inbox-rows", page.items.map(row));
        shown = latest;
      }
      state.dataset.state = "open";
      state.textContent = `${page.items.length} received · updated ${new Date().toLocaleTimeString()}`;
    } catch (err) {
      state.dataset.state = "closed";
      state.textContent = `Could not refresh: ${err.message}`;
    }
  }

  refresh();
  setInterval(refresh, refreshMs);
})();
