// The month's downtime cost by client and by service: bars drawn as inline SVG for the eye, the same
// figures as tables for everyone else. Re-fetched at most every 30 s, whatever the event rate.
"use strict";

const OpsCosts = (() => {
  const { el } = UC;
  const svgNs = "http://www.w3.org/2000/svg";
  const minInterval = 30000;
  let lastFetch = 0;
  let timer = null;
  let overview = null;

  const thisMonth = () => new Date().toISOString().slice(0, 7);
  const month = () => document.getElementById("costs-month").value || thisMonth();

  async function refresh() {
    lastFetch = Date.now();
    try {
      overview = await UC.api(`/api/v1/costs?month=${encodeURIComponent(month())}&limit=200`);
      Ops.showError("costs-error", null);
      render();
    } catch (err) {
      Ops.showError("costs-error", err);
    }
  }

  /** Called on every relevant event: at most one fetch per 30 s, the last one never lost. */
  function refreshSoon() {
    if (timer) return;
    const wait = Math.max(0, lastFetch + minInterval - Date.now());
    timer = setTimeout(() => { timer = null; refresh(); }, wait);
  }

  /** The next page of clients, merged in: by client appends; by service adds up per currency. */
  async function more() {
    try {
      const next = await UC.api(`/api/v1/costs?month=${encodeURIComponent(overview.month)}&limit=200&cursor=${encodeURIComponent(overview.nextCursor)}`);
      const services = new Map(overview.byService.map(s => [s.serviceId, s]));
      for (const s of next.byService) {
        const known = services.get(s.serviceId);
        if (known) known.total = add(known.total, s.total);
        else services.set(s.serviceId, s);
      }
      overview = {
        ...next,
        byClient: overview.byClient.concat(next.byClient).sort((a, b) => b.total.amount - a.total.amount),
        byService: [...services.values()].sort((a, b) => Ops.sumAmounts(b.total) - Ops.sumAmounts(a.total)),
        total: add(overview.total, next.total),
      };
      render();
    } catch (err) {
      Ops.showError("costs-error", err);
    }
  }

  function add(a, b) {
    const sums = new Map();
    for (const m of [...a, ...b]) sums.set(m.currency, (sums.get(m.currency) || 0) + Number(m.amount));
    return [...sums].map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 }));
  }

  function render() {
    const o = overview;
    document.getElementById("costs-total").textContent =
      `${o.month}: ${UC.moneyList(o.total)} in downtime, ${Ops.local(o.from)} to ${Ops.local(o.to)}`;
    const clientRows = o.byClient.map(c => ({ key: c.clientId, label: c.name, money: c.total }));
    const serviceRows = o.byService.flatMap(s => s.total.map(m => ({
      key: `${s.serviceId}/${m.currency}`, label: s.total.length > 1 ? `${s.name} (${m.currency})` : s.name, money: m,
    })));
    chart("costs-client-chart", clientRows);
    chart("costs-service-chart", serviceRows);
    table("costs-by-client", clientRows, "No downtime cost this month.");
    table("costs-by-service", serviceRows, "No downtime cost this month.");
    document.getElementById("costs-more").hidden = !o.nextCursor;
  }

  /** Bars compare like with like: each is scaled against the largest figure in its own currency. */
  function chart(id, rows) {
    const max = new Map();
    for (const r of rows) max.set(r.money.currency, Math.max(max.get(r.money.currency) || 0, Number(r.money.amount)));
    UC.fill(id, rows.map(r => {
      const top = max.get(r.money.currency);
      const width = top > 0 ? Math.max(0.5, (Number(r.money.amount) / top) * 100) : 0;
      const svg = document.createElementNS(svgNs, "svg");
      svg.setAttribute("viewBox", "0 0 100 10");
      svg.setAttribute("preserveAspectRatio", "none");
      svg.setAttribute("class", "bar");
      svg.setAttribute("focusable", "false");
      const rect = document.createElementNS(svgNs, "rect");
      rect.setAttribute("width", width.toFixed(2));
      rect.setAttribute("height", "10");
      svg.append(rect);
      return el("div", { class: "chart-row" }, el("span", { class: "chart-label" }, r.label), svg, el("span", { class: "chart-value" }, UC.money(r.money)));
    }));
  }

  function table(id, rows, empty) {
    const body = document.querySelector(`#${id} tbody`);
    body.replaceChildren(...(rows.length
      ? rows.map(r => el("tr", { dataset: { key: r.key } }, el("th", { scope: "row" }, r.label), el("td", {}, UC.money(r.money))))
      : [el("tr", {}, el("td", { colspan: "2", class: "muted" }, empty))]));
  }

  function init() {
    document.getElementById("costs-month").value = thisMonth();
    document.getElementById("costs-form").addEventListener("submit", e => { e.preventDefault(); refresh(); });
    document.getElementById("costs-more").addEventListener("click", more);
  }

  return { init, refresh, refreshSoon };
})();
