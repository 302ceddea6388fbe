// The ops console's wiring: first load, the live stream, the once-a-second tick and the summary line.
// Each panel lives in its own ops-*.js file.
"use strict";

const OpsConsole = (() => {
  const { el } = UC;

  function refreshNow() {
    OpsIncidents.refresh();
    OpsServices.refresh();
    OpsMaintenance.refresh();
    OpsCosts.refreshSoon();
  }

  // The stream carries state, not deltas: a burst of events becomes one re-fetch of what it touches.
  const refreshIncidentsSoon = UC.debounce(() => { OpsIncidents.refresh(); OpsServices.refresh(); }, 300);
  const refreshMaintenanceSoon = UC.debounce(() => { OpsMaintenance.refresh(); OpsServices.refresh(); }, 300);

  function onEvent(type, data) {
    switch (type) {
      case "service.status":
        OpsServices.apply(data);
        refreshIncidentsSoon();
        OpsCosts.refreshSoon();
        break;
      case "incident.changed":
        refreshIncidentsSoon();
        OpsCosts.refreshSoon();
        break;
      case "maintenance.changed":
        refreshMaintenanceSoon();
        break;
      case "notice.changed":
        OpsNotices.apply(data);
        break;
    }
  }

  const stateWords = { open: "Live", reconnecting: "Reconnecting…", closed: "Disconnected — reload the page", connecting: "Connecting…" };
  let wasOpen = false;

  function onState(state) {
    const live = document.getElementById("live");
    live.dataset.state = state;
    live.textContent = stateWords[state] || state;
    // Back from a gap: whatever was missed is read afresh rather than trusted to the replay.
    if (state === "open" && wasOpen) {
      refreshNow();
      OpsNotices.refreshFailed();
    }
    if (state === "open") wasOpen = true;
  }

  function summary() {
    const o = OpsIncidents.overview();
    const broken = OpsServices.notOperational();
    const node = document.getElementById("summary");
    node.dataset.openIncidents = String(o.count);
    UC.fill(node,
      el("strong", {}, o.count === 1 ? "1 open incident" : `${o.count} open incidents`),
      ` · ${broken.length} of ${OpsServices.all().length} services not operational`,
      ` · ${o.clients === 1 ? "1 client" : `${o.clients} clients`} affected`,
      ` · running cost ${o.cost.length ? UC.moneyList(o.cost) : "—"}`,
      o.next ? [" · ", el("span", { class: "next" }, `Next: ${o.next}`)] : null);
  }

  function tick() {
    OpsIncidents.tick();
    summary();
  }

  async function start() {
    Ops.initOperator();
    OpsPlanner.init();
    OpsNotices.init();
    OpsCosts.init();
    UC.stream(onEvent, onState);
    Ops.loadClients().then(OpsNotices.fillClients).catch(err => Ops.showError("log-error", err));
    // Names first: the incidents and windows name their services.
    await OpsServices.refresh();
    await Promise.all([OpsIncidents.refresh(), OpsMaintenance.refresh(), OpsNotices.refreshFailed(), OpsCosts.refresh()]);
    document.body.dataset.ready = "true";
    tick();
    setInterval(tick, 1000);
  }

  document.addEventListener("DOMContentLoaded", start);
  return { refreshNow };
})();
