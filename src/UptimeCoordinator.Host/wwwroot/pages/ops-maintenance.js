// The windows that are scheduled or in progress, each with a way to call it off before it begins.
"use strict";

const OpsMaintenance = (() => {
  const { el } = UC;

  async function refresh() {
    try {
      const windows = await Ops.allPages("/api/v1/maintenance?state=active&limit=100", 5);
      Ops.showError("maintenance-error", null);
      Ops.keyed(document.getElementById("maintenance-list"), windows, w => w.id, create, update);
      document.getElementById("maintenance-empty").hidden = windows.length > 0;
    } catch (err) {
      Ops.showError("maintenance-error", err);
    }
  }

  function create(window) {
    const key = window.id.replace(/[^A-Za-z0-9_-]/g, "_");
    const reason = el("input", { id: `cancel-reason-${key}`, type: "text", maxlength: "2000" });
    const error = el("p", { class: "error", role: "alert", hidden: true });
    const form = el("form", { class: "cancel-form", novalidate: true },
      Ops.field("Reason for cancelling", reason, "optional"),
      el("p", { class: "form-actions" }, el("button", { type: "submit", class: "secondary" }, "Cancel window")),
      error);
    form.addEventListener("submit", async e => {
      e.preventDefault();
      const ok = await Ops.command(form, error, by => UC.api(`/api/v1/maintenance/${encodeURIComponent(window.id)}/cancel`, {
        method: "POST", body: { by, reason: reason.value.trim() || undefined },
      }));
      if (ok) {
        Ops.announce(`Maintenance window cancelled: ${window.title}`);
        refresh();
      }
    });
    const node = el("article", { class: "window panel", dataset: { windowId: window.id } },
      el("h4", {}), el("p", { class: "window-facts" }), form);
    node.cancelForm = form;
    return node;
  }

  function update(node, window) {
    node.dataset.state = window.state;
    node.querySelector("h4").textContent = window.title;
    UC.fill(node.querySelector(".window-facts"),
      el("span", { class: `badge ${window.state === "in_progress" ? "status-under_maintenance" : "state-scheduled"}` }, window.state.replace(/_/g, " ")),
      " ", Ops.span(window.start, window.end), " · ",
      window.serviceIds.map(OpsServices.nameOf).join(", "),
      window.slaWarnings?.length ? el("span", { class: "error" }, ` · ${window.slaWarnings.length} SLA warning(s)`) : null);
    // Only a window that has not begun can be called off.
    node.cancelForm.hidden = window.state !== "scheduled";
  }

  return { refresh };
})();
