// A client's status page: "is it us, is it them, when will it be back". Reads the API with the
// page's cookie, re-fetches on every live event (the stream carries state, not deltas) and ticks
// the running cost locally between fetches. Never reloads the page.
"use strict";

(() => {
  const { el, fill } = UC;
  const clientId = decodeURIComponent(location.pathname.split("/")[2] || "");
  const base = `/api/v1/clients/${encodeURIComponent(clientId)}`;
  const SLOW_EVERY_MS = 60_000;

  const state = {
    timeZone: undefined,
    status: null,
    services: [],
    maintenance: [],
    names: new Map(),
    lastSlowFetch: 0,
    askKey: "",
    answered: new Set(),
    seenIncidents: null,
  };

  const stageLabels = {
    suspected: "Suspected", detected: "Detected", acknowledged: "Acknowledged", investigating: "Investigating",
    identified: "Identified", monitoring: "Monitoring", resolved: "Resolved",
  };
  const kindLabels = {
    opened: "Opened", status_changed: "Status changed", resolved: "Resolved", reopened: "Reopened",
    acknowledged: "Acknowledged", declared: "Declared", reported: "Reported", confirmed: "Confirmed",
    dismissed: "Dismissed", update: "Update", eta_changed: "ETA changed", summary_added: "Summary",
    still_working: "Still working on it",
  };

  const severityLabels = { critical: "Critical", major: "Major", minor: "Minor" };
  const label = (map, value) => map[value] || String(value || "").replace(/_/g, " ");
  const nameOf = id => state.names.get(id) || id;
  const local = iso => UC.localTime(iso, state.timeZone);
  const announce = text => { if (text) document.getElementById("announce").textContent = text; };

  function showError(id, error) {
    const node = document.getElementById(id);
    node.hidden = !error;
    node.textContent = error ? `Could not load this part: ${error instanceof UC.ApiError ? error.text() : error.message}` : "";
  }

  /** "Tue 1 Dec, 21:30 CET (in 25 min)": a time a person can act on, with how far off it is. */
  function when(iso) {
    return [local(iso), " ", el("span", { class: "muted relative", "data-at": iso }, `(${UC.relative(iso)})`)];
  }

  // ---- running cost, ticking between fetches ----

  function costAt(incident, asOf, now) {
    const soFar = incident.costSoFar;
    if (!soFar) return null;
    const rates = incident.costPerHour?.currency === soFar.currency ? [incident.costPerHour] : [];
    return UC.grow([soFar], rates, now - new Date(asOf).getTime())[0];
  }

  function tick() {
    const now = Date.now();
    const status = state.status;
    if (status) {
      for (const node of document.querySelectorAll("#incident-list .cost-now")) {
        const incident = status.incidents.find(i => i.id === node.dataset.incidentId);
        const cost = incident && costAt(incident, status.asOf, now);
        if (cost) {
          node.textContent = UC.money(cost);
          node.dataset.amount = cost.amount.toFixed(2);
        }
      }
    }
    for (const node of document.querySelectorAll(".relative[data-at]")) {
      node.textContent = `(${UC.relative(node.dataset.at, now)})`;
    }
  }

  // ---- header and incidents ----

  function renderHeader(status) {
    fill("client-name", status.name);
    document.title = `${status.name} status · UptimeCoordinator`;
    fill("overall", UC.badge(status.status));
  }

  function renderIncidents(status) {
    const incidents = status.incidents || [];
    if (!incidents.length) {
      const running = (status.maintenance || [])[0];
      fill("incident-list", el("p", { class: "panel all-clear" }, running
        ? ["No incidents. Maintenance in progress: ", el("strong", {}, running.title), ` until ${local(running.end)}.`]
        : "No incidents. Everything you use is working."));
      return;
    }
    fill("incident-list", incidents.map(i => incidentCard(i, status)));
  }

  function incidentCard(incident, status) {
    const cost = costAt(incident, status.asOf, Date.now());
    // An entry names the ETA only where it changed, not on every entry that still carries it.
    const timeline = incident.updates || [];
    const updates = timeline.map((entry, i) => ({ ...entry, etaChanged: entry.eta && entry.eta !== timeline[i - 1]?.eta })).reverse();
    const facts = [
      ["Stage", el("span", { class: "stage" }, label(stageLabels, incident.stage))],
      ["Severity", label(severityLabels, incident.severity)],
      ["Affects", incident.affectedServiceIds.map(nameOf).join(", ") || "—"],
      ["Started", when(incident.startedAt)],
      ["ETA", el("span", { class: "eta" }, incident.eta ? when(incident.eta) : "no ETA yet")],
      ["Next update", incident.nextUpdateBy ? when(incident.nextUpdateBy) : "—"],
    ];
    if (cost) {
      facts.push(["Cost to you so far", [
        el("span", { class: "cost-now", "data-incident-id": incident.id, "data-amount": cost.amount.toFixed(2) }, UC.money(cost)),
        incident.costPerHour ? el("span", { class: "muted" }, ` (${UC.money(incident.costPerHour)} per hour)`) : null,
      ]]);
    }
    return el("article", { class: "panel incident", "data-incident-id": incident.id, "aria-labelledby": `incident-${incident.id}` },
      el("h3", { id: `incident-${incident.id}` }, incident.title),
      el("dl", { class: "facts" }, facts.map(([term, value]) => [el("dt", {}, term), el("dd", {}, value)])),
      updates.length
        ? [el("h4", {}, "Updates"), el("ol", { class: "timeline" }, updates.map(update))]
        : null);
  }

  function update(entry) {
    return el("li", {},
      el("time", { datetime: entry.at }, local(entry.at)), " · ",
      el("strong", {}, label(kindLabels, entry.kind)),
      entry.stage ? el("span", { class: "muted" }, ` (${label(stageLabels, entry.stage)})`) : null,
      entry.message ? el("p", { class: "message" }, entry.message) : null,
      entry.etaChanged ? el("p", { class: "muted" }, `ETA ${local(entry.eta)}`) : null);
  }

  function announceChanges(status) {
    const now = new Map((status.incidents || []).map(i => [i.id, i]));
    const before = state.seenIncidents;
    state.seenIncidents = new Map([...now].map(([id, i]) => [id, { eta: i.eta, stage: i.stage }]));
    if (!before) return;
    const news = [];
    for (const [id, incident] of now) {
      const old = before.get(id);
      if (!old) news.push(`New incident: ${incident.title}.`);
      else if (old.eta !== incident.eta) news.push(`${incident.title}: ETA now ${incident.eta ? local(incident.eta) : "not known"}.`);
      else if (old.stage !== incident.stage) news.push(`${incident.title}: ${label(stageLabels, incident.stage)}.`);
    }
    for (const id of before.keys()) if (!now.has(id)) news.push("An incident was resolved.");
    announce(news.join(" "));
  }

  // ---- services ----

  function renderServices(view) {
    const rows = view.services.map(s => el("tr", { "data-service-id": s.serviceId },
      el("th", { scope: "row" }, s.name),
      el("td", {}, UC.badge(s.status)),
      el("td", {}, s.since ? when(s.since) : "—"),
      el("td", {}, s.via ? `through ${nameOf(s.via)}` : s.status === "operational" ? "" : "its own trouble")));
    fill("service-rows", rows.length ? rows : el("tr", {}, el("td", { colspan: "4", class: "muted" }, "You use no services yet.")));
    renderServiceChoices(view.services);
  }

  function renderServiceChoices(services) {
    const select = document.getElementById("report-service");
    const chosen = select.value;
    select.replaceChildren(...services.map(s => el("option", { value: s.serviceId }, s.name)));
    if (services.some(s => s.serviceId === chosen)) select.value = chosen;
  }

  // ---- maintenance ----

  function renderMaintenance(windows) {
    if (!windows.length) {
      fill("maintenance-list", el("p", { class: "muted" }, "No maintenance planned on the services you use."));
      return;
    }
    fill("maintenance-list", windows.map(w => {
      const mine = w.affectedServiceIds.filter(id => state.names.has(id));
      const running = w.state === "in_progress";
      return el("article", { class: "panel maintenance", "data-window-id": w.id, "aria-labelledby": `window-${w.id}` },
        el("h3", { id: `window-${w.id}` }, w.title, running ? [" ", el("span", { class: "badge status-under_maintenance" }, "In progress")] : null),
        el("p", { class: "window-time" }, local(w.start), " – ", local(w.end)),
        w.description ? el("p", {}, w.description) : null,
        el("p", {}, "Affects: ", (mine.length ? mine : w.affectedServiceIds).map(nameOf).join(", ")),
        el("p", {}, el("a", {
          href: `/api/v1/maintenance/${encodeURIComponent(w.id)}/calendar.ics`,
          download: `maintenance-${w.id}.ics`,
          class: "calendar",
        }, "Add to calendar", el("span", { class: "sr-only" }, `: ${w.title}`))));
    }));
  }

  // ---- uptime ----

  const dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });

  function dayLabel(day) {
    const parts = [`${dayFormat.format(new Date(`${day.date}T00:00:00Z`))}: ${percent(day.uptimePercent)} up`];
    if (day.downMinutes) parts.push(`${day.downMinutes} min down`);
    if (day.degradedMinutes) parts.push(`${day.degradedMinutes} min degraded`);
    if (day.maintenanceMinutes) parts.push(`${day.maintenanceMinutes} min maintenance`);
    return parts.join(", ");
  }

  function percent(value) {
    return `${Number(value).toFixed(value === 100 ? 0 : value >= 99.9 ? 2 : 1)}%`;
  }

  function heightClass(uptime) {
    return uptime >= 99.95 ? "h-full" : uptime >= 99 ? "h-99" : uptime >= 95 ? "h-95" : uptime >= 80 ? "h-80" : "h-low";
  }

  function renderUptime(view) {
    if (!view.services.length) {
      fill("uptime-list", el("p", { class: "muted" }, "No history yet."));
      return;
    }
    fill("uptime-list", view.services.map(s => el("div", { class: "uptime-row", "data-service-id": s.serviceId },
      el("h3", {}, s.name, " ", el("span", { class: "uptime-total" }, `${percent(s.uptimePercent)} over ${view.days} days`)),
      el("div", { class: "bars" }, s.days.map(d => {
        const text = dayLabel(d);
        return el("span", { class: `bar day-${d.worst} ${heightClass(d.uptimePercent)}`, role: "img", "aria-label": text, title: text });
      })))));
  }

  // ---- SLA ----

  function renderSla(sla) {
    const minutes = m => `${Math.round(m)} min`;
    fill("sla-body", el("div", { class: "panel" },
      el("p", { class: "sla-verdict" }, sla.met
        ? el("span", { class: "badge status-operational" }, "Met so far")
        : el("span", { class: "badge status-major_outage" }, "Below target")),
      el("dl", { class: "facts" },
        el("dt", {}, "Uptime"), el("dd", { class: "sla-uptime" }, `${percent(sla.uptimePercent)} (target ${sla.targetPercent}%)`),
        el("dt", {}, "Error budget left"), el("dd", { class: "sla-budget" }, sla.errorBudgetLeftMinutes >= 0
          ? `${minutes(sla.errorBudgetLeftMinutes)} of ${minutes(sla.errorBudgetMinutes)}`
          : `none: ${minutes(-sla.errorBudgetLeftMinutes)} over the ${minutes(sla.errorBudgetMinutes)} allowed`),
        el("dt", {}, "Credit due"), el("dd", {}, UC.money(sla.creditDue)),
        el("dt", {}, "Measured"), el("dd", {}, `${local(sla.from)} to ${local(sla.measuredUntil)}`))));
  }

  // ---- follow-up questions ----

  function renderAsks(asks) {
    const byIncident = new Map();
    for (const ask of asks) if (!state.answered.has(ask.incidentId) && !byIncident.has(ask.incidentId)) byIncident.set(ask.incidentId, ask);
    document.getElementById("asks").hidden = !byIncident.size;
    // One form per incident asks both questions, so the survey arriving after the follow-up changes
    // nothing; a form already shown is kept as it is, half-filled answer and all.
    const key = [...byIncident.keys()].join("|");
    if (key === state.askKey) return;
    state.askKey = key;
    const shown = new Map([...document.querySelectorAll("#ask-list form")].map(f => [f.dataset.incidentId, f]));
    fill("ask-list", [...byIncident.values()].map(ask => shown.get(ask.incidentId) || askForm(ask)));
  }

  function askForm(ask) {
    const id = ask.incidentId.replace(/[^A-Za-z0-9_-]/g, "_");
    const result = el("p", { class: "ask-result", role: "status" });
    const form = el("form", { class: "panel ask", "data-incident-id": ask.incidentId, novalidate: true },
      el("h3", {}, ask.title),
      el("fieldset", {},
        el("legend", {}, "Is it working for you now?"),
        radio(`fixed-${id}`, "fixed", "yes", "Yes"),
        radio(`fixed-${id}`, "fixed", "no", "No, still broken")),
      el("fieldset", {},
        el("legend", {}, "How did we do? (1 = poor, 5 = great)"),
        [1, 2, 3, 4, 5].map(n => radio(`rating-${id}`, "rating", String(n), String(n)))),
      el("label", { for: `comment-${id}` }, "Anything else? (optional)"),
      el("textarea", { id: `comment-${id}`, name: "comment", rows: "2", maxlength: "2000" }),
      el("p", {}, el("button", { type: "submit" }, "Send")),
      result);
    form.addEventListener("submit", e => { e.preventDefault(); sendFeedback(form, ask, result); });
    return form;
  }

  function radio(group, name, value, text) {
    const id = `${group}-${value}`;
    return el("span", { class: "choice" },
      el("input", { type: "radio", id, name, value }),
      el("label", { for: id }, text));
  }

  async function sendFeedback(form, ask, result) {
    const fixed = form.querySelector("input[name=fixed]:checked")?.value;
    const rating = form.querySelector("input[name=rating]:checked")?.value;
    if (!fixed && !rating) {
      result.className = "ask-result error";
      result.textContent = "Answer at least one of the two questions.";
      return;
    }
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const answer = await UC.api(`/api/v1/incidents/${encodeURIComponent(ask.incidentId)}/feedback`, {
        method: "POST",
        body: {
          clientId,
          fixedConfirmed: fixed === undefined ? null : fixed === "yes",
          rating: rating === undefined ? null : Number(rating),
          comment: form.elements.comment.value.trim() || null,
        },
      });
      state.answered.add(ask.incidentId);
      const thanks = answer.reopened
        ? `Thank you. We have reopened “${ask.title}” and are working on it again.`
        : `Thank you for telling us about “${ask.title}”.`;
      fill("ask-thanks", thanks);
      announce(thanks);
      form.remove();
      document.getElementById("asks").hidden = !document.querySelector("#ask-list form");
      refreshSoon();
    } catch (error) {
      result.className = "ask-result error";
      result.textContent = error instanceof UC.ApiError ? error.text() : error.message;
      button.disabled = false;
    }
  }

  // ---- report a problem ----

  async function report(event) {
    event.preventDefault();
    const form = event.target;
    const result = document.getElementById("report-result");
    const button = document.getElementById("report-submit");
    const serviceId = form.elements.service.value;
    button.disabled = true;
    result.className = "";
    result.textContent = "Sending…";
    try {
      const answer = await UC.api("/api/v1/incidents", {
        method: "POST",
        body: {
          clientId,
          title: form.elements.title.value.trim(),
          serviceIds: serviceId ? [serviceId] : [],
          message: form.elements.message.value.trim() || null,
        },
      });
      result.className = "notice-ok";
      result.textContent = answer.joined
        ? `Thank you. We already know about this: incident ${answer.id} (${label(stageLabels, answer.stage)}).`
        : `Thank you. We opened incident ${answer.id} (${label(stageLabels, answer.stage)}) and will look at it.`;
      form.elements.title.value = "";
      form.elements.message.value = "";
      refreshSoon();
    } catch (error) {
      // The form keeps what was typed, so the person can fix it and send again.
      result.className = "error";
      result.textContent = error instanceof UC.ApiError ? error.text() : error.message;
    } finally {
      button.disabled = false;
    }
  }

  // ---- fetching ----

  async function loadStatus() {
    try {
      const status = await UC.api(`${base}/status`);
      state.status = status;
      state.timeZone = status.timeZone;
      renderHeader(status);
      announceChanges(status);
      renderIncidents(status);
      renderAsks(status.asks || []);
      showError("incidents-error", null);
    } catch (error) {
      showError("incidents-error", error);
    }
  }

  async function loadServices() {
    try {
      const view = await UC.api(`${base}/services`);
      state.timeZone = view.timeZone;
      state.services = view.services;
      state.names = new Map(view.services.map(s => [s.serviceId, s.name]));
      renderServices(view);
      showError("services-error", null);
    } catch (error) {
      showError("services-error", error);
    }
  }

  async function loadMaintenance() {
    try {
      const page = await UC.api("/api/v1/maintenance?state=active&limit=50");
      state.maintenance = page.items;
      renderMaintenance(page.items);
      showError("maintenance-error", null);
    } catch (error) {
      showError("maintenance-error", error);
    }
  }

  async function loadUptime() {
    try {
      renderUptime(await UC.api(`${base}/uptime?days=90`));
      showError("uptime-error", null);
    } catch (error) {
      showError("uptime-error", error);
    }
  }

  async function loadSla() {
    try {
      renderSla(await UC.api(`${base}/sla`));
      showError("sla-error", null);
    } catch (error) {
      showError("sla-error", error);
    }
  }

  async function refresh() {
    // Names first: incidents and maintenance show the client's own names for its services.
    await loadServices();
    await Promise.all([loadStatus(), loadMaintenance()]);
    if (Date.now() - state.lastSlowFetch >= SLOW_EVERY_MS) {
      state.lastSlowFetch = Date.now();
      await Promise.all([loadUptime(), loadSla()]);
    }
  }

  const refreshSoon = UC.debounce(refresh, 300);

  function liveState(s) {
    const node = document.getElementById("live");
    node.dataset.state = s === "open" ? "open" : s === "closed" ? "closed" : "reconnecting";
    node.textContent = s === "open" ? "Live" : s === "closed" ? "Not live: reload to reconnect" : "Reconnecting…";
    // Whatever happened while the stream was down is caught up with one fetch.
    if (s === "open") refreshSoon();
  }

  function start() {
    document.getElementById("sign-out").action = `/status/${encodeURIComponent(clientId)}/sign-out`;
    document.getElementById("report-form").addEventListener("submit", report);
    refresh();
    UC.stream(() => refreshSoon(), liveState);
    setInterval(tick, 1000);
    // The slow parts (uptime, SLA) also age without events: today's bar grows, the budget shrinks.
    setInterval(() => { if (Date.now() - state.lastSlowFetch >= SLOW_EVERY_MS) refreshSoon(); }, SLOW_EVERY_MS);
  }

  start();
})();
