// The notice log: failed deliveries across clients with a retry, the notices the live stream
// reports as they move, and one client's full log on demand.
"use strict";

const OpsNotices = (() => {
  const { el } = UC;
  const keepRecent = 200;
  let failed = [];
  let failedCursor = null;
  let logClient = null;
  let logCursor = null;
  const recent = [];

  const text = v => (v === undefined || v === null || v === "" ? "—" : String(v));
  const stateCell = state => el("td", { class: `notice-state state-${state}` }, state);

  async function refreshFailed() {
    try {
      const page = await UC.api("/api/v1/notices/failed?limit=50");
      failed = page.items || [];
      failedCursor = page.nextCursor;
      Ops.showError("failed-error", null);
      renderFailed();
    } catch (err) {
      Ops.showError("failed-error", err);
    }
  }

  async function moreFailed() {
    try {
      const page = await UC.api(`/api/v1/notices/failed?limit=50&cursor=${encodeURIComponent(failedCursor)}`);
      failed = failed.concat(page.items || []);
      failedCursor = page.nextCursor;
      renderFailed();
    } catch (err) {
      Ops.showError("failed-error", err);
    }
  }

  function renderFailed() {
    Ops.keyed(document.getElementById("failed-rows"), failed, n => `${n.clientId}/${n.id}`, failedRow, (row, n) => {
      row.dataset.state = n.state;
      row.querySelector(".notice-state").textContent = n.state;
      row.querySelector(".notice-state").className = `notice-state state-${n.state}`;
      row.querySelector(".attempts").textContent = String(n.attempts);
      row.querySelector(".last-error").textContent = text(n.lastError);
    });
    document.getElementById("failed-empty").hidden = failed.length > 0;
    document.getElementById("failed-more").hidden = !failedCursor;
  }

  function failedRow(n) {
    const retry = el("button", { type: "button", class: "retry" }, "Retry");
    const error = el("span", { class: "error", role: "alert", hidden: true });
    const row = el("tr", { class: "failed", dataset: { noticeId: n.id, clientId: n.clientId } },
      el("td", {}, Ops.local(n.createdAt)),
      el("td", {}, Ops.clientName(n.clientId)),
      el("td", {}, n.kind),
      el("td", {}, n.contactId),
      el("td", {}, `${n.channel} `, el("span", { class: "muted" }, n.to)),
      stateCell(n.state),
      el("td", { class: "attempts" }, String(n.attempts)),
      el("td", { class: "last-error" }, text(n.lastError)),
      el("td", {}, retry, error));
    retry.addEventListener("click", async () => {
      const ok = await Ops.command(row, error, async () => {
        const notice = await UC.api(`/api/v1/clients/${encodeURIComponent(n.clientId)}/notices/${encodeURIComponent(n.id)}/retry`, { method: "POST" });
        Object.assign(n, { state: notice.state, attempts: notice.attempts, lastError: notice.lastError });
        renderFailed();
      });
      if (ok) Ops.announce(`Notice ${n.kind} to ${Ops.clientName(n.clientId)} is being sent again`);
    });
    return row;
  }

  /** A notice.changed event: its row moves to the top of the live log with its new state. */
  function apply(event) {
    const key = `${event.clientId}/${event.noticeId}`;
    const existing = recent.findIndex(r => r.key === key);
    if (existing >= 0) recent.splice(existing, 1);
    recent.unshift({ key, ...event });
    recent.length = Math.min(recent.length, keepRecent);
    Ops.keyed(document.getElementById("recent-rows"), recent, r => r.key, () => el("tr"), (row, r) => {
      row.dataset.noticeId = r.noticeId;
      row.dataset.clientId = r.clientId;
      row.dataset.state = r.state;
      row.className = r.state === "failed" ? "failed" : "";
      UC.fill(row,
        el("td", {}, Ops.local(r.at)), el("td", {}, Ops.clientName(r.clientId)), el("td", {}, r.kind), el("td", {}, r.contactId),
        el("td", {}, r.channel), stateCell(r.state), el("td", {}, String(r.attempts)), el("td", {}, text(r.lastError)));
    });
    document.getElementById("recent-empty").hidden = true;

    const listed = failed.find(n => n.clientId === event.clientId && n.id === event.noticeId);
    if (listed) {
      Object.assign(listed, { state: event.state, attempts: event.attempts, lastError: event.lastError });
      renderFailed();
    }
    if (event.state === "failed" || listed) refreshFailedSoon();
    if (event.clientId === logClient) refreshLogSoon();
  }

  async function loadLog(more = false) {
    const select = document.getElementById("log-client");
    logClient = select.value || null;
    const table = document.getElementById("client-log");
    const rows = document.getElementById("log-rows");
    if (!logClient) {
      table.hidden = true;
      document.getElementById("log-more").hidden = true;
      return;
    }
    try {
      const cursor = more && logCursor ? `&cursor=${encodeURIComponent(logCursor)}` : "";
      const page = await UC.api(`/api/v1/clients/${encodeURIComponent(logClient)}/notices?limit=50${cursor}`);
      logCursor = page.nextCursor;
      const built = page.items.map(n => el("tr", { class: n.state === "failed" ? "failed" : "", dataset: { noticeId: n.id, state: n.state } },
        el("td", {}, Ops.local(n.createdAt)), el("td", {}, n.kind), el("td", {}, n.contactId), el("td", {}, n.channel),
        el("td", {}, n.to), el("td", {}, n.subject), stateCell(n.state), el("td", {}, String(n.attempts)), el("td", {}, text(n.lastError))));
      if (more) rows.append(...built);
      else rows.replaceChildren(...built);
      table.hidden = false;
      document.getElementById("log-more").hidden = !logCursor;
      Ops.showError("log-error", null);
    } catch (err) {
      Ops.showError("log-error", err);
    }
  }

  function fillClients(clients) {
    const select = document.getElementById("log-client");
    const chosen = select.value;
    UC.fill(select, el("option", { value: "" }, "Choose a client…"),
      clients.map(c => el("option", { value: c.id }, `${c.name} (${c.id})`)));
    select.value = chosen;
  }

  const refreshFailedSoon = UC.debounce(refreshFailed, 300);
  const refreshLogSoon = UC.debounce(() => loadLog(false), 300);

  function init() {
    document.getElementById("failed-more").addEventListener("click", moreFailed);
    document.getElementById("log-client").addEventListener("change", () => loadLog(false));
    document.getElementById("log-more").addEventListener("click", () => loadLog(true));
  }

  return { init, refreshFailed, apply, fillClients };
})();
