'use strict';
// Dashboard: draws the reports and redraws them when the server announces a projected event (server-sent events).
// Every request carries the member's bearer token, so the live stream is read with fetch(): EventSource sends no
// headers.

const TOKEN = 'funnel.token';
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

/** The dashboard has no token (any more) and asks for one: whatever was under way stops quietly. */
class SignedOut extends Error {}

/** A link may carry the token in its fragment (never sent to a server); it moves into this tab's session storage. */
function tokenFromLink() {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) {
    sessionStorage.setItem(TOKEN, token);
    history.replaceState(null, '', location.pathname + location.search);
  }
}

let stream = null;

function signIn(message) {
  sessionStorage.removeItem(TOKEN);
  if (stream) stream.abort();
  stream = null;
  delete document.body.dataset.loaded;
  setLive('signed-out', 'signed out');
  document.getElementById('dashboard').hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('sign-in-message').textContent = message;
  document.getElementById('sign-in').hidden = false;
  return new SignedOut(message);
}

async function api(url, options = {}) {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) throw new SignedOut();
  const headers = { ...options.headers, Authorization: 'Bearer ' + token };
  const response = await fetch(url, { ...options, headers });
  if (response.status === 401 || response.status === 403) {
    // An answer to a request sent with an earlier token does not sign out the token pasted since.
    if (sessionStorage.getItem(TOKEN) !== token) throw new SignedOut();
    throw signIn(response.status === 401
      ? 'Your token was refused: it has expired or is not valid here. Paste a new one to go on.'
      : 'Your token has none of the revenue team\'s roles. Paste the token of a team member.');
  }
  return response;
}

async function json(url) {
  const response = await api(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(url + ': ' + response.status);
  return response.json();
}

function warn(error) {
  if (!(error instanceof SignedOut)) console.warn(error.message);
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
  const response = await api('/api/plan', { method: 'POST', body: JSON.stringify(request),
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
    plan(request).catch(warn);
  });
}

let pending = null;
function refreshSoon() {
  // A burst of events triggers one refresh.
  if (pending) return;
  pending = setTimeout(() => { pending = null; refresh().catch(warn); }, 300);
}

function setLive(state, text) {
  const status = document.getElementById('live');
  status.dataset.state = state;
  status.textContent = text;
}

// A CR at the very end of what arrived may be the first half of a CRLF: its line waits for the next chunk.
const LINE_END = /\r\n|\n|\r(?!$)/;

/** Parses the text/event-stream format chunk by chunk; hands over the data of each complete event. */
function eventStreamParser(onData) {
  let buffer = '';
  let data = [];
  return chunk => {
    buffer += chunk;
    let end;
    while ((end = buffer.search(LINE_END)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (data.length) onData(data.join('\n'));
        data = [];
        continue;
      }
      // "field: value", "field:value" or "field"; comments (":...") and other fields (event, id, retry) are unused.
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1);
      if (field === 'data') data.push(value.startsWith(' ') ? value.slice(1) : value);
    }
  };
}

function prependEvent(event) {
  const item = document.createElement('li');
  item.className = 'event';
  item.dataset.subject = event.subject;
  item.textContent = `${event.type} ${event.subject} (${event.occurredAt})`;
  const list = document.getElementById('events');
  list.prepend(item);
  while (list.children.length > 20) list.lastElementChild.remove();
  refreshSoon();
}

/** Reads the live stream until it ends or fails, then reconnects; each failure in a row doubles the wait. */
async function listen(reconnect = false, delay = 1000) {
  const connection = new AbortController();
  stream = connection;
  try {
    const response = await api('/api/stream', { headers: { Accept: 'text/event-stream' },
      signal: connection.signal });
    if (!response.ok) throw new Error('/api/stream: ' + response.status);
    // Events may have been missed while the stream was down.
    if (reconnect) refreshSoon();
    delay = 1000;
    setLive('live', 'live');
    const parse = eventStreamParser(data => prependEvent(JSON.parse(data)));
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parse(chunk.value);
  } catch (e) {
    if (connection.signal.aborted) return;
    warn(e);
  }
  if (stream !== connection) return;
  setLive('reconnecting', 'reconnecting…');
  setTimeout(() => { if (stream === connection) listen(true, Math.min(delay * 2, 30000)); }, delay);
}

function start() {
  document.getElementById('sign-in').hidden = true;
  document.getElementById('dashboard').hidden = false;
  document.getElementById('sign-out').hidden = false;
  setLive('connecting', 'connecting…');
  refresh().then(() => document.body.dataset.loaded = 'true').catch(warn);
  listen();
}

function signInForm() {
  const form = document.getElementById('sign-in-form');
  form.addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN, form.token.value.trim().replace(/^Bearer\s+/i, ''));
    form.reset();
    start();
  });
  document.getElementById('sign-out').addEventListener('click', () => signIn('Signed out.'));
}

document.getElementById('attribution-model').addEventListener('change', refreshSoon);
planner();
signInForm();
tokenFromLink();
if (sessionStorage.getItem(TOKEN)) {
  start();
} else {
  signIn('The dashboard is for the revenue team: paste your bearer token, or open the dashboard with '
    + '#token=<your token> at the end of its address.');
}
