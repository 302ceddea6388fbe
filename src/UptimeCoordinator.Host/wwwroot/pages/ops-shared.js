// Helpers the ops console's panels share: the operator's name, commands with their error text,
// keyed re-rendering, ticking money and time formats. Built on UC from common.js.
"use strict";

const Ops = (() => {
  const { el } = UC;
  const operatorKey = "uc.ops.operator";

  function operatorInput() { return document.getElementById("operator"); }

  /** The operator's name for `by`, or null after pointing at the empty field: nobody acts anonymously. */
  function requireOperator() {
    const input = operatorInput();
    const name = input.value.trim();
    const error = document.getElementById("operator-error");
    if (name) {
      error.hidden = true;
      input.removeAttribute("aria-invalid");
      return name;
    }
    error.textContent = "Enter your name first: every action records who took it.";
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return null;
  }

  function initOperator() {
    const input = operatorInput();
    input.value = localStorage.getItem(operatorKey) || "";
    input.addEventListener("input", () => {
      localStorage.setItem(operatorKey, input.value.trim());
      if (input.value.trim()) document.getElementById("operator-error").hidden = true;
    });
  }

  /**
   * Runs one command from a form: on a 4xx the problem's text shows next to the form and every
   * input stays as typed, so the operator corrects rather than retypes.
   */
  async function command(form, errorNode, run) {
    const by = requireOperator();
    if (!by) return false;
    const buttons = [...form.querySelectorAll("button")];
    buttons.forEach(b => { b.disabled = true; });
    errorNode.hidden = true;
    try {
      await run(by);
      return true;
    } catch (err) {
      errorNode.textContent = err instanceof UC.ApiError ? err.text() : String(err.message || err);
      errorNode.hidden = false;
      return false;
    } finally {
      buttons.forEach(b => { b.disabled = false; });
    }
  }

  function announce(text) {
    const node = document.getElementById("announce");
    // Clearing first makes a repeat of the same words heard again.
    node.textContent = "";
    setTimeout(() => { node.textContent = text; }, 50);
  }

  function showError(id, err) {
    const node = document.getElementById(id);
    if (!node) return;
    node.textContent = err ? (err instanceof UC.ApiError ? err.text() : String(err.message || err)) : "";
    node.hidden = !err;
  }

  /**
   * Makes container's children match items in order, reusing each item's element by key. Re-renders
   * then keep half-typed forms and focus; an element moves only when its place changed, because
   * moving the element that holds focus would blur it.
   */
  function keyed(container, items, keyOf, create, update) {
    const existing = new Map([...container.children].map(c => [c.dataset.key, c]));
    const wanted = new Set();
    items.forEach((item, index) => {
      const key = String(keyOf(item));
      wanted.add(key);
      let node = existing.get(key);
      if (!node) {
        node = create(item);
        node.dataset.key = key;
      }
      update(node, item);
      if (container.children[index] !== node) container.insertBefore(node, container.children[index] || null);
    });
    for (const [key, node] of existing) if (!wanted.has(key)) node.remove();
  }

  /** Follows nextCursor; maxPages bounds one refresh on a huge catalogue. */
  async function allPages(path, maxPages = 20) {
    const items = [];
    let cursor = null;
    for (let page = 0; page < maxPages; page++) {
      const separator = path.includes("?") ? "&" : "?";
      const data = await UC.api(cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path);
      items.push(...(data.items || []));
      cursor = data.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  const pad = n => String(Math.abs(n)).padStart(2, "0");

  /** RFC 3339 on the browser's own clock with its offset, e.g. 2026-09-03T14:05:00+02:00. */
  function rfc3339(date) {
    const offset = -date.getTimezoneOffset();
    const sign = offset >= 0 ? "+" : "-";
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
      `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  }

  /** "in N minutes" as an instant on a whole minute, so the ETA people read has no odd seconds. */
  function minutesFromNow(minutes, now = Date.now()) {
    const date = new Date(now + minutes * 60000);
    date.setSeconds(0, 0);
    return date;
  }

  /** An ETA from an "in N minutes" field: undefined when left empty. */
  function etaFrom(input) {
    const raw = input.value.trim();
    if (!raw) return undefined;
    const minutes = Number(raw);
    if (!Number.isFinite(minutes) || minutes <= 0) throw new Error("The ETA must be a number of minutes greater than zero.");
    return rfc3339(minutesFromNow(minutes));
  }

  function lines(text) {
    return text.split(/\r?\n/).map(l => l.trim()).filter(Boolean);
  }

  /** "3 h 05 min", "12 min", "40 s". */
  function duration(ms) {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return `${hours} h ${pad(minutes % 60)} min`;
    return `${Math.floor(hours / 24)} d ${hours % 24} h`;
  }

  function sumAmounts(list) {
    return (list || []).reduce((sum, m) => sum + Number(m.amount), 0);
  }

  /** Local time of the browser, e.g. "Tue 1 Dec, 21:30 GMT+1". */
  function local(iso) {
    return UC.localTime(iso, undefined);
  }

  function span(start, end, timeZone) {
    return `${UC.localTime(start, timeZone)} – ${UC.localTime(end, timeZone)}`;
  }

  /** A label and its control, joined by id for screen readers and for getByLabel. */
  function field(labelText, control, hint) {
    return [el("label", { for: control.id }, labelText, hint ? el("span", { class: "muted" }, ` (${hint})`) : null), control];
  }

  let clients = new Map();

  /** Client names for the notice log and cost panel; ids stay shown when a name is unknown. */
  async function loadClients() {
    const list = await allPages("/api/v1/clients?limit=200");
    clients = new Map(list.map(c => [c.id, c]));
    return list;
  }

  function clientName(id) {
    return clients.get(id)?.name || id;
  }

  return {
    initOperator, requireOperator, command, announce, showError, keyed, allPages, rfc3339, minutesFromNow, etaFrom,
    lines, duration, sumAmounts, local, span, field, loadClients, clientName,
  };
})();
