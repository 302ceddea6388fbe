// Open incidents, costliest first: what each one is, who it hurts, what it costs while it runs and
// when the next public update is due. The cost ticks every second between fetches.
"use strict";

const OpsIncidents = (() => {
  const { el } = UC;
  let incidents = [];
  let receivedAt = Date.now();
  const views = new Map();

  const runningTotal = i => Ops.sumAmounts(i.cost?.total);

  async function refresh() {
    try {
      const list = await Ops.allPages("/api/v1/incidents?state=open&include=cost&limit=100", 5);
      // Elapsed time is measured on the browser's clock from the moment the figures arrived, so a
      // skewed client clock does not inflate or shrink the running cost.
      receivedAt = Date.now();
      incidents = list.sort((a, b) => runningTotal(b) - runningTotal(a) || a.openedAt.localeCompare(b.openedAt));
      Ops.showError("incidents-error", null);
      render();
    } catch (err) {
      Ops.showError("incidents-error", err);
    }
  }

  function render() {
    views.clear();
    for (const i of incidents) views.set(i.id, i);
    Ops.keyed(document.getElementById("incident-list"), incidents, i => i.id, create, update);
    document.getElementById("incidents-empty").hidden = incidents.length > 0;
    tick();
  }

  function create(incident) {
    const id = incident.id;
    const titleId = `incident-title-${String(id).replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const actions = OpsIncidentActions.create(() => views.get(id), text => {
      Ops.announce(text);
      OpsConsole.refreshNow();
    });
    const node = el("article", { class: "incident panel", "aria-labelledby": titleId, dataset: { incidentId: id } },
      el("header", { class: "incident-head" },
        el("h3", { id: titleId }),
        el("span", { class: "incident-badges" })),
      el("dl", { class: "facts" }),
      el("div", { class: "affected" }),
      actions);
    node.actions = actions;
    return node;
  }

  function fact(term, ...value) {
    return [el("dt", {}, term), el("dd", {}, value)];
  }

  function update(node, incident) {
    node.dataset.stage = incident.stage;
    node.dataset.runningCost = String(runningTotal(incident));
    node.querySelector("h3").textContent = incident.title;
    UC.fill(node.querySelector(".incident-badges"),
      el("span", { class: `stage stage-${incident.stage}` }, incident.stage),
      el("span", { class: `severity severity-${incident.severity}` }, incident.severity),
      incident.origin === "reported" ? el("span", { class: "muted" }, "reported by a client") : null);

    const latest = [...(incident.timeline || [])].reverse().find(e => e.message);
    UC.fill(node.querySelector(".facts"),
      ...fact("Services", (incident.serviceIds || []).map(OpsServices.nameOf).join(", ")),
      ...fact("Opened", Ops.local(incident.openedAt), " · for ", el("span", { class: "duration", "data-since": incident.openedAt })),
      ...fact("ETA", incident.eta
        ? el("span", { class: "eta", "data-eta": incident.eta }, Ops.local(incident.eta), " ", el("span", { class: "muted eta-relative" }))
        : el("span", { class: "muted" }, "none given")),
      ...fact("Next update due", incident.nextUpdateDue
        ? el("span", { class: "due", "data-due": incident.nextUpdateDue }, Ops.local(incident.nextUpdateDue), " ", el("span", { class: "due-relative" }))
        : el("span", { class: "muted" }, "—")),
      ...fact("Acknowledged by", incident.acknowledgedBy || el("span", { class: "muted" }, "nobody yet")),
      ...fact("Running cost", el("strong", { class: "running-cost" }), " ", el("span", { class: "muted rate" }, rate(incident.cost?.ratePerHour))),
      latest ? fact("Latest", latest.message) : []);

    UC.fill(node.querySelector(".affected"), affectedTable(incident));
    node.actions.sync(incident);
  }

  function rate(list) {
    return list && list.length ? `(+${UC.moneyList(list)} per hour)` : "";
  }

  function affectedTable(incident) {
    const shares = new Map((incident.cost?.byClient || []).map(s => [s.clientId, s]));
    const clients = incident.affectedClients || [];
    if (!clients.length) return el("p", { class: "muted" }, "No client uses these services.");
    const ordered = [...clients].sort((a, b) => Number(shares.get(b.clientId)?.cost.amount || 0) - Number(shares.get(a.clientId)?.cost.amount || 0));
    return el("div", { class: "table-wrap" },
      el("table", { class: "affected-clients" },
        el("caption", { class: "sr-only" }, `Clients affected by ${incident.title}`),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Affected client"), el("th", { scope: "col" }, "Cost so far"), el("th", { scope: "col" }, "Per hour"))),
        el("tbody", {}, ordered.map(c => {
          const share = shares.get(c.clientId);
          return el("tr", { dataset: { clientId: c.clientId } },
            el("th", { scope: "row" }, c.name),
            el("td", { class: "client-cost" }, share ? "" : "—"),
            el("td", {}, share ? UC.money(share.ratePerHour) : "—"));
        }))));
  }

  /** Once a second: durations, relative times, overdue flags and the running costs move on. */
  function tick() {
    const now = Date.now();
    const elapsed = now - receivedAt;
    for (const node of document.querySelectorAll("#incident-list > article")) {
      const incident = views.get(node.dataset.incidentId);
      if (!incident) continue;
      const duration = node.querySelector(".duration");
      if (duration) duration.textContent = Ops.duration(now - new Date(incident.openedAt).getTime());
      const eta = node.querySelector(".eta-relative");
      if (eta) eta.textContent = `(${UC.relative(incident.eta, now)})`;
      const due = node.querySelector(".due");
      if (due) {
        const overdue = new Date(incident.nextUpdateDue).getTime() < now;
        due.classList.toggle("overdue", overdue);
        node.classList.toggle("update-overdue", overdue);
        due.querySelector(".due-relative").textContent = overdue ? `overdue by ${UC.relative(incident.nextUpdateDue, now).replace(/ ago$/, "")}` : `(${UC.relative(incident.nextUpdateDue, now)})`;
      }
      const cost = node.querySelector(".running-cost");
      if (cost) cost.textContent = UC.moneyList(UC.grow(incident.cost?.total, incident.cost?.ratePerHour, elapsed));
      for (const share of incident.cost?.byClient || []) {
        const cell = node.querySelector(`tr[data-client-id="${CSS.escape(share.clientId)}"] .client-cost`);
        if (cell) cell.textContent = UC.moneyList(UC.grow([share.cost], [share.ratePerHour], elapsed));
      }
    }
  }

  /** The whole of what is open, costing, and most urgent, for the summary line. */
  function overview() {
    const now = Date.now();
    const totals = incidents.flatMap(i => UC.grow(i.cost?.total, i.cost?.ratePerHour, now - receivedAt));
    const byCurrency = new Map();
    for (const m of totals) byCurrency.set(m.currency, (byCurrency.get(m.currency) || 0) + m.amount);
    const unacknowledged = incidents.find(i => i.stage === "detected" || i.stage === "suspected");
    const overdue = incidents.find(i => i.nextUpdateDue && new Date(i.nextUpdateDue).getTime() < now);
    return {
      count: incidents.length,
      clients: new Set(incidents.flatMap(i => (i.affectedClients || []).map(c => c.clientId))).size,
      cost: [...byCurrency].map(([currency, amount]) => ({ currency, amount })),
      next: unacknowledged
        ? `${unacknowledged.stage === "suspected" ? "confirm or dismiss" : "acknowledge"} “${unacknowledged.title}”`
        : overdue ? `post an update on “${overdue.title}” (overdue)` : null,
    };
  }

  return { refresh, tick, overview };
})();
