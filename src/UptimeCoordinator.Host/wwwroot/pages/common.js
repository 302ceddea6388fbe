// Shared by the status page and the ops console: API calls with the page's cookie, the live
// stream, and formatting. Plain JavaScript, no build step, nothing from another host.
"use strict";

const UC = (() => {
  const statusLabels = {
    operational: "Operational",
    degraded_performance: "Degraded performance",
    partial_outage: "Partial outage",
    major_outage: "Major outage",
    under_maintenance: "Under maintenance",
  };

  /** An API error carrying the RFC 7807 problem the host answered with. */
  class ApiError extends Error {
    constructor(status, problem) {
      super(problem?.detail || problem?.title || `HTTP ${status}`);
      this.status = status;
      this.problem = problem || {};
    }

    /** The detail and every field error, as one line for a person. */
    text() {
      const fields = Object.entries(this.problem.errors || {}).map(([k, v]) => `${k}: ${[].concat(v).join(", ")}`);
      return [this.problem.detail || this.problem.title || this.message, ...fields].filter(Boolean).join(" — ");
    }
  }

  /** Calls the API with the page's sign-in; every change carries the page header the host asks for. */
  async function api(path, { method = "GET", body } = {}) {
    const headers = { Accept: "application/json", "X-Uptime-Page": "1" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) throw new ApiError(response.status, typeof data === "object" ? data : { detail: data });
    return data;
  }

  /**
   * Follows GET /api/v1/stream. The browser's EventSource reconnects by itself and resumes with
   * Last-Event-ID; onState hears "open" and "closed" so the page can say whether it is live.
   */
  function stream(onEvent, onState = () => {}) {
    const source = new EventSource("/api/v1/stream", { withCredentials: true });
    for (const type of ["service.status", "incident.changed", "notice.changed", "maintenance.changed"]) {
      source.addEventListener(type, e => {
        try { onEvent(type, JSON.parse(e.data)); } catch (err) { console.error(type, err); }
      });
    }
    source.onopen = () => onState("open");
    source.onerror = () => onState(source.readyState === EventSource.CLOSED ? "closed" : "reconnecting");
    return source;
  }

  /** Runs fn at most once per ms, after the last call: a burst of events makes one refresh. */
  function debounce(fn, ms) {
    let timer;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  }

  function money(m) {
    if (!m) return "—";
    try {
      return new Intl.NumberFormat(undefined, { style: "currency", currency: m.currency }).format(m.amount);
    } catch {
      return `${Number(m.amount).toFixed(2)} ${m.currency}`;
    }
  }

  function moneyList(list) {
    return list && list.length ? list.map(money).join(" + ") : "—";
  }

  /** An instant in a zone, e.g. "Tue 1 Dec, 21:30 GMT+9". */
  function localTime(iso, timeZone) {
    if (!iso) return "—";
    const options = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
    try {
      return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(new Date(iso));
    } catch {
      return new Intl.DateTimeFormat(undefined, options).format(new Date(iso));
    }
  }

  /** "in 12 min", "5 min ago", "in 2 h 5 min", and whole days past two days: "3 d 4 h ago". */
  function relative(iso, now = Date.now()) {
    if (!iso) return "";
    const minutes = Math.round((new Date(iso).getTime() - now) / 60000);
    const abs = Math.abs(minutes);
    const hours = Math.floor(abs / 60);
    const text = abs < 1 ? "less than a minute"
      : abs < 60 ? `${abs} min`
      : hours < 48 ? `${hours} h ${abs % 60} min`
      : `${Math.floor(hours / 24)} d ${hours % 24} h`;
    return minutes >= 0 ? `in ${text}` : `${text} ago`;
  }

  /** Money per currency grown by its hourly rate over elapsedMs: a running cost between fetches. */
  function grow(totals, rates, elapsedMs) {
    const hours = Math.max(0, elapsedMs) / 3600000;
    const byCurrency = new Map((totals || []).map(m => [m.currency, Number(m.amount)]));
    for (const r of rates || []) byCurrency.set(r.currency, (byCurrency.get(r.currency) || 0) + Number(r.amount) * hours);
    return [...byCurrency].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => b.amount - a.amount);
  }

  function statusLabel(status) {
    return statusLabels[status] || String(status || "").replace(/_/g, " ");
  }

  /** A status badge: colour and words, so it never relies on colour alone. */
  function badge(status) {
    return el("span", { class: `badge status-${status}` }, statusLabel(status));
  }

  /** Builds DOM without innerHTML, so text from the API is never read as markup. */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat(Infinity)) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Replaces the children of an element, or of the element with this id. */
  function fill(target, ...children) {
    const node = typeof target === "string" ? document.getElementById(target) : target;
    if (node) node.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
    return node;
  }

  return { ApiError, api, stream, debounce, money, moneyList, localTime, relative, grow, statusLabel, badge, el, fill };
})();
