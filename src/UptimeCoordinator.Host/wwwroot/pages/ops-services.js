// The service board: every service with its live status. Also the catalogue the planner picks from.
"use strict";

const OpsServices = (() => {
  const { el } = UC;
  let services = [];
  const listeners = [];

  async function refresh() {
    try {
      services = await Ops.allPages("/api/v1/services?limit=200");
      Ops.showError("services-error", null);
      render();
      listeners.forEach(fn => fn(services));
    } catch (err) {
      Ops.showError("services-error", err);
    }
  }

  /** A service.status event carries the new state: shown at once, before the debounced re-fetch. */
  function apply(event) {
    const service = services.find(s => s.id === event.serviceId);
    if (!service) return;
    const changed = service.status !== event.to;
    Object.assign(service, { status: event.to, since: event.since, openIncidentId: event.openIncidentId });
    render();
    if (changed) Ops.announce(`${service.name}: ${UC.statusLabel(event.to)}`);
  }

  function render() {
    // Trouble first: the board answers "what is broken" before "what is fine".
    const ordered = [...services].sort((a, b) =>
      (a.status === "operational") - (b.status === "operational") || a.name.localeCompare(b.name));
    Ops.keyed(document.getElementById("service-board"), ordered, s => s.id,
      () => el("li", { class: "service-card" }),
      (node, s) => {
        node.dataset.serviceId = s.id;
        node.dataset.status = s.status;
        UC.fill(node,
          el("span", { class: "service-name" }, s.name),
          UC.badge(s.status),
          s.since && s.status !== "operational" ? el("span", { class: "muted since" }, `since ${UC.relative(s.since).replace(/^in /, "")}`) : null);
      });
  }

  function nameOf(id) {
    return services.find(s => s.id === id)?.name || id;
  }

  function notOperational() {
    return services.filter(s => s.status !== "operational");
  }

  return { refresh, apply, nameOf, notOperational, all: () => services, onChange: fn => listeners.push(fn), render };
})();
