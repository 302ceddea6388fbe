// The maintenance planner: pick services and a duration, read the cheapest windows the coordinator
// suggests (cost, savings against starting now, each client's local time), and schedule one.
"use strict";

const OpsPlanner = (() => {
  const { el } = UC;

  /** Checkboxes follow the catalogue; a re-fetch keeps what was ticked. */
  function syncServices(services) {
    const sorted = [...services].sort((a, b) => a.name.localeCompare(b.name));
    Ops.keyed(document.getElementById("planner-services"), sorted, s => s.id,
      s => {
        const id = `plan-svc-${s.id}`;
        return el("div", { class: "check" },
          el("input", { type: "checkbox", id, name: "serviceIds", value: s.id }),
          el("label", { for: id }));
      },
      (node, s) => { node.querySelector("label").textContent = s.name; });
  }

  function chosenServices() {
    return [...document.querySelectorAll("#planner-services input:checked")].map(c => c.value);
  }

  async function suggest(e) {
    e.preventDefault();
    const form = e.target;
    const error = document.getElementById("planner-error");
    const serviceIds = chosenServices();
    if (!serviceIds.length) {
      error.textContent = "Choose at least one service.";
      error.hidden = false;
      document.querySelector("#planner-services input")?.focus();
      return;
    }
    const duration = document.getElementById("planner-duration").value;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    error.hidden = true;
    try {
      const result = await UC.api("/api/v1/maintenance/suggestions", { method: "POST", body: { serviceIds, duration, count: 5 } });
      showSuggestions(result);
    } catch (err) {
      error.textContent = err instanceof UC.ApiError ? err.text() : String(err.message || err);
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  }

  function showSuggestions(result) {
    const now = result.startingNow;
    const names = result.serviceIds.map(OpsServices.nameOf).join(", ");
    UC.fill("planner-result",
      el("h3", {}, `Cheapest windows for ${names}`),
      el("p", { class: "muted" },
        `Earliest start ${Ops.local(result.earliestStart)} (the longest SLA notice is ${result.requiredNoticeHours} h). ` +
        `Starting now instead would cost ${UC.moneyList(now?.expectedCost)}. ${result.candidatesConsidered} candidates over ${result.affectedClients} clients.`),
      result.suggestions.length
        ? el("ol", { id: "suggestion-list", class: "suggestions" }, result.suggestions.map(s => suggestion(result, s)))
        : el("p", {}, "No free window in the next two weeks: the services are booked or frozen."));
  }

  function suggestion(result, s) {
    const schedule = el("button", { type: "button", class: "schedule" }, "Schedule this window");
    const error = el("p", { class: "error", role: "alert", hidden: true });
    const node = el("li", { class: "suggestion panel", dataset: { rank: s.rank, start: s.start, end: s.end } },
      el("h4", {}, `Option ${s.rank}: ${Ops.span(s.start, s.end)}`),
      el("dl", { class: "facts" },
        el("dt", {}, "Expected cost"), el("dd", { class: "expected-cost" }, UC.moneyList(s.expectedCost)),
        el("dt", {}, "Saves versus now"), el("dd", {}, UC.moneyList(s.savingsVersusNow)),
        el("dt", {}, "Clients affected"), el("dd", {}, String(s.affectedClients))),
      s.clients.length ? el("div", { class: "table-wrap" }, el("table", {},
        el("caption", { class: "sr-only" }, `Clients' local times for option ${s.rank}`),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Client"), el("th", { scope: "col" }, "Their local time"), el("th", { scope: "col" }, "Expected cost"))),
        el("tbody", {}, s.clients.map(c => el("tr", {},
          el("th", { scope: "row" }, c.name),
          el("td", {}, Ops.span(c.localStart, c.localEnd, c.timeZone)),
          el("td", {}, UC.money(c.expectedCost))))))) : null,
      el("p", { class: "form-actions" }, schedule), error);

    schedule.addEventListener("click", async () => {
      const title = document.getElementById("planner-title");
      if (!title.value.trim()) {
        error.textContent = "Give the window a title first.";
        error.hidden = false;
        title.focus();
        return;
      }
      const ok = await Ops.command(node, error, async by => {
        const window = await UC.api("/api/v1/maintenance", {
          method: "POST",
          body: {
            serviceIds: result.serviceIds, start: s.start, end: s.end, title: title.value.trim(),
            description: document.getElementById("planner-description").value.trim() || undefined, by,
          },
        });
        showScheduled(window);
      });
      if (ok) OpsMaintenance.refresh();
    });
    return node;
  }

  function showScheduled(window) {
    // The suggestions were computed before this window existed; they may overlap it now.
    UC.fill("planner-result", el("p", { class: "muted" }, "Ask for suggestions again to plan another window."));
    const node = UC.fill("planner-scheduled",
      el("div", { class: "panel scheduled", dataset: { windowId: window.id, start: window.start, end: window.end } },
        el("h3", {}, "Scheduled"),
        el("p", { class: "notice-ok" }, `${window.title} — ${Ops.span(window.start, window.end)}`),
        el("p", {}, "Window id ", el("code", {}, window.id)),
        window.slaWarnings?.length
          ? [el("p", { class: "error" }, "SLA warnings:"), el("ul", { class: "sla-warnings" }, window.slaWarnings.map(w => el("li", {}, w.message)))]
          : el("p", { class: "muted" }, "Every client's SLA notice is met.")));
    node.querySelector("h3").setAttribute("tabindex", "-1");
    node.querySelector("h3").focus();
    Ops.announce(`Maintenance window scheduled: ${window.title}`);
  }

  function init() {
    document.getElementById("planner-form").addEventListener("submit", suggest);
    OpsServices.onChange(syncServices);
  }

  return { init };
})();
