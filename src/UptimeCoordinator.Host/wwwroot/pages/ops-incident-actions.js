// The responders' actions on one incident, as inline forms: acknowledge, post an update, resolve,
// and confirm or dismiss a client's report. Each form is built once per incident and survives
// re-renders, so live events never wipe what an operator is typing.
"use strict";

const OpsIncidentActions = (() => {
  const { el } = UC;

  // Which actions each stage offers; the API refuses the rest with a 409 anyway.
  const offered = {
    suspected: ["verdict"],
    detected: ["acknowledge", "update", "resolve"],
    acknowledged: ["update", "resolve"],
    investigating: ["update", "resolve"],
    identified: ["update", "resolve"],
    monitoring: ["update", "resolve"],
  };

  const path = (incident, action) => `/api/v1/incidents/${encodeURIComponent(incident.id)}/${action}`;
  const safe = id => String(id).replace(/[^A-Za-z0-9_-]/g, "_");

  function textarea(id, rows = 2) { return el("textarea", { id, rows }); }
  function minutes(id) { return el("input", { id, type: "number", min: "1", step: "1", inputmode: "numeric" }); }

  function acknowledgeForm(key) {
    const eta = minutes(`ack-eta-${key}`);
    const message = textarea(`ack-msg-${key}`);
    return {
      fields: [Ops.field("ETA in minutes", eta, "optional"), Ops.field("Message", message, "optional")],
      submit: "Send acknowledgement",
      run: (incident, by) => UC.api(path(incident, "acknowledge"), {
        method: "POST", body: { by, eta: Ops.etaFrom(eta), message: message.value.trim() || undefined },
      }),
      done: "acknowledged",
    };
  }

  function updateForm(key) {
    const message = textarea(`upd-msg-${key}`, 3);
    const stage = el("select", { id: `upd-stage-${key}` },
      ["investigating", "identified", "monitoring"].map(s => el("option", { value: s }, s)));
    const eta = minutes(`upd-eta-${key}`);
    return {
      fields: [Ops.field("Update", message), Ops.field("Stage", stage), Ops.field("New ETA in minutes", eta, "optional")],
      submit: "Post update",
      prepare: incident => {
        // Start from where the incident is; a detected or acknowledged one is being investigated.
        stage.value = ["investigating", "identified", "monitoring"].includes(incident.stage) ? incident.stage : "investigating";
      },
      run: (incident, by) => UC.api(path(incident, "updates"), {
        method: "POST", body: { by, message: message.value.trim(), stage: stage.value, eta: Ops.etaFrom(eta) },
      }),
      done: "updated",
    };
  }

  function resolveForm(key) {
    const summary = textarea(`res-summary-${key}`, 2);
    const actions = textarea(`res-actions-${key}`, 3);
    const spent = el("input", { id: `res-minutes-${key}`, type: "number", min: "0", step: "1", inputmode: "numeric" });
    const followUps = textarea(`res-followups-${key}`, 2);
    return {
      fields: [
        Ops.field("Summary", summary),
        Ops.field("Actions taken", actions, "one per line"),
        Ops.field("Time spent in minutes", spent, "optional"),
        Ops.field("Follow-ups", followUps, "one per line"),
      ],
      submit: "Resolve incident",
      run: (incident, by) => UC.api(path(incident, "resolve"), {
        method: "POST",
        body: {
          by, summary: summary.value.trim(), actionsTaken: Ops.lines(actions.value),
          timeSpentMinutes: spent.value.trim() === "" ? undefined : Number(spent.value), followUps: Ops.lines(followUps.value),
        },
      }),
      done: "resolved",
    };
  }

  function verdictForm(key) {
    const message = textarea(`ver-msg-${key}`);
    return {
      fields: [Ops.field("Message", message, "optional")],
      submit: [["confirm", "Confirm report"], ["dismiss", "Dismiss report"]],
      run: (incident, by, submitter) => UC.api(path(incident, submitter), {
        method: "POST", body: { by, message: message.value.trim() || undefined },
      }),
      done: submitter => (submitter === "confirm" ? "confirmed" : "dismissed"),
    };
  }

  const builders = [
    ["acknowledge", "Acknowledge", acknowledgeForm],
    ["update", "Post update", updateForm],
    ["resolve", "Resolve", resolveForm],
    ["verdict", "Confirm or dismiss", verdictForm],
  ];

  /** The actions block of one incident; getIncident reads its latest view at submit time. */
  function create(getIncident, onDone) {
    const key = safe(getIncident().id);
    const bar = el("div", { class: "action-bar" });
    const panes = el("div", { class: "action-panes" });
    const toggles = new Map();

    const closeAll = except => {
      for (const [, t] of toggles) {
        if (t.toggle === except) continue;
        t.toggle.setAttribute("aria-expanded", "false");
        t.form.hidden = true;
      }
    };

    for (const [action, label, build] of builders) {
      const spec = build(key);
      const formId = `${action}-form-${key}`;
      const error = el("p", { class: "error", role: "alert", hidden: true });
      const submits = Array.isArray(spec.submit)
        ? spec.submit.map(([value, text]) => el("button", { type: "submit", value, "data-verdict": value }, text))
        : [el("button", { type: "submit" }, spec.submit)];
      const form = el("form", { id: formId, class: "action-form panel", hidden: true, novalidate: true, dataset: { action } },
        spec.fields, el("p", { class: "form-actions" }, submits), error);
      const toggle = el("button", { type: "button", class: "secondary", "aria-expanded": "false", "aria-controls": formId, dataset: { action } }, label);

      toggle.addEventListener("click", () => {
        const open = form.hidden;
        closeAll(toggle);
        form.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open));
        if (open) {
          spec.prepare?.(getIncident());
          form.querySelector("input, textarea, select")?.focus();
        }
      });
      form.addEventListener("keydown", e => {
        if (e.key !== "Escape") return;
        form.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      });
      form.addEventListener("submit", async e => {
        e.preventDefault();
        const verdict = e.submitter?.value;
        const incident = getIncident();
        const ok = await Ops.command(form, error, by => spec.run(incident, by, verdict));
        if (!ok) return;
        form.reset();
        form.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
        const done = typeof spec.done === "function" ? spec.done(verdict) : spec.done;
        onDone(`${incident.title}: ${done}`);
      });

      toggles.set(action, { toggle, form });
      bar.append(toggle);
      panes.append(form);
    }

    const node = el("div", { class: "actions" }, bar, panes);

    /** Shows only what the incident's stage allows; a form whose action went away closes. */
    node.sync = incident => {
      const allowed = offered[incident.stage] || [];
      for (const [action, { toggle, form }] of toggles) {
        const show = allowed.includes(action);
        toggle.hidden = !show;
        if (!show) {
          form.hidden = true;
          toggle.setAttribute("aria-expanded", "false");
        }
      }
    };
    return node;
  }

  return { create };
})();
