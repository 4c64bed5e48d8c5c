'use strict';
// Dashboard: draws the reports and redraws them when the server announces a projected event (server-sent events).

const charts = {};
// The plan last asked for; redrawn with the rest, as the funnel it starts from changes.
let lastPlan = null;

function cell(text, numeric) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (numeric) td.className = 'num';
  return td;
}

function fillTable(id, rows) {
  const body = document.querySelector('#' + id + ' tbody');
  body.replaceChildren(...rows.map(cells => {
    const tr = document.createElement('tr');
    tr.dataset.key = cells[0][0];
    cells.forEach(([value, numeric]) => tr.appendChild(cell(value, numeric)));
    return tr;
  }));
}

function draw(id, type, labels, datasets) {
  if (charts[id]) {
    charts[id].data.labels = labels;
    charts[id].data.datasets = datasets;
    charts[id].update();
    return;
  }
  charts[id] = new Chart(document.getElementById(id), {
    type, data: { labels, datasets }, options: { animation: false, responsive: true }
  });
}

async function json(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(url + ': ' + response.status);
  return response.json();
}

async function refresh() {
  const model = document.getElementById('attribution-model').value;
  const [funnel, sla, attribution, feedback] = await Promise.all([json('/api/funnel'), json('/api/sla'),
    json('/api/attribution?model=' + encodeURIComponent(model)), json('/api/feedback')]);
  draw('funnel-chart', 'bar', funnel.stages.map(s => s.stage),
    [{ label: 'entered', data: funnel.stages.map(s => s.entered), backgroundColor: '#3b6fd8' }]);
  fillTable('funnel-table', funnel.stages.map(s => [[s.stage], [s.entered, true],
    [(s.conversionToNext * 100).toFixed(1) + ' %', true], [s.medianHoursInStage, true], [s.p90HoursInStage, true]]));
  document.getElementById('funnel-side').textContent =
    `recycled ${funnel.recycled} · disqualified ${funnel.disqualified} · lost ${funnel.lost}`;
  const months = sla.marketing.slice(-12);
  draw('sla-chart', 'bar', months.map(m => m.month), [
    { label: 'MQLs delivered', data: months.map(m => m.mqlsDelivered), backgroundColor: '#3b6fd8' },
    { label: 'MQLs promised', data: months.map(m => m.mqlsPromised), backgroundColor: '#c5cfdd' }]);
  const sales = sla.sales;
  document.getElementById('sla-sales').textContent = `${sales.assigned} assigned · `
    + `${(sales.shareWithinSla * 100).toFixed(1)} % first contacted within the SLA · `
    + `median ${sales.medianHoursToFirstContact} h to first contact · `
    + `${sales.breachesByRep.reduce((n, r) => n + r.total, 0)} breaches`;
  fillTable('attribution-table', attribution.models[0].byCampaign.slice(0, 10)
    .map(c => [[c.key], [c.revenue, true], [c.pipeline, true]]));
  fillTable('feedback-table', [
    ...feedback.rejections.slice(0, 8).map(r => [[r.group], [r.reason], [r.count, true], ['', true]]),
    ...feedback.objections.slice(0, 8).map(o => [[o.group], [o.objection], [o.mentions, true], [o.lostRevenue, true]])]);
  if (lastPlan) await plan(lastPlan);
}

async function plan(request) {
  const response = await fetch('/api/plan', { method: 'POST', body: JSON.stringify(request),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
  const result = await response.json();
  const summary = document.getElementById('plan-summary');
  summary.classList.toggle('error', !response.ok);
  if (!response.ok) {
    fillTable('plan-table', []);
    summary.textContent = result.detail;
    return;
  }
  lastPlan = request;
  fillTable('plan-table', result.stages.map(s => [[s.stage], [s.needed ?? '–', true], [s.enterByMonth],
    [s.inFunnelNow, true], [s.neededForGap ?? '–', true]]));
  const measured = result.averageDealSizeMeasured ? ' (measured)' : '';
  summary.textContent = [`${result.customersNeeded} customers at ${result.averageDealSize}${measured} a deal`,
    `the funnel now is expected to bring ${result.expectedRevenueFromFunnel}`, `gap ${result.revenueGap}`,
    ...result.warnings].join(' · ');
}

function planner() {
  const form = document.getElementById('plan-form');
  const next = new Date();
  next.setUTCMonth(next.getUTCMonth() + 1, 1);
  form.period.value = next.toISOString().slice(0, 7);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const request = { revenueTarget: Number(form.revenueTarget.value), period: form.period.value };
    if (form.averageDealSize.value) request.averageDealSize = Number(form.averageDealSize.value);
    plan(request).catch(e => console.warn(e.message));
  });
}

let pending = null;
function refreshSoon() {
  // A burst of events triggers one refresh.
  if (pending) return;
  pending = setTimeout(() => { pending = null; refresh().catch(e => console.warn(e.message)); }, 300);
}

function listen() {
  const status = document.getElementById('live');
  const source = new EventSource('/api/stream');
  source.onopen = () => { status.textContent = 'live'; status.dataset.state = 'live'; };
  source.onerror = () => { status.textContent = 'reconnecting…'; status.dataset.state = 'reconnecting'; };
  source.onmessage = message => {
    const event = JSON.parse(message.data);
    const item = document.createElement('li');
    item.className = 'event';
    item.dataset.subject = event.subject;
    item.textContent = `${event.type} ${event.subject} (${event.occurredAt})`;
    const list = document.getElementById('events');
    list.prepend(item);
    while (list.children.length > 20) list.lastElementChild.remove();
    refreshSoon();
  };
}

document.getElementById('attribution-model').addEventListener('change', refreshSoon);
planner();
refresh().then(() => document.body.dataset.loaded = 'true').catch(e => console.warn(e.message));
listen();
