// JournalMQ web console: plain JS over the console's JSON API (/api/...). Every action is a POST
// carrying the page's CSRF token; the server also checks Origin and Host.
'use strict';
const csrf = () => document.querySelector('meta[name=csrf]').content;
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

async function get(path) {
  const r = await fetch(path, { credentials: 'same-origin' });
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

async function post(path, fields) {
  const form = new URLSearchParams();
  for (const [k, v] of fields) form.append(k, v);
  const r = await fetch(path, { method: 'POST', credentials: 'same-origin', body: form,
    headers: { 'X-CSRF-Token': csrf(), 'Content-Type': 'application/x-www-form-urlencoded' } });
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function age(ms) {
  if (ms == null) return '';
  if (ms < 1000) return ms + ' ms';
  if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
  if (ms < 3600000) return Math.floor(ms / 60000) + ' min ' + String(Math.floor(ms / 1000) % 60).padStart(2, '0') + ' s';
  return Math.floor(ms / 3600000) + ' h ' + String(Math.floor(ms / 60000) % 60).padStart(2, '0') + ' min';
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function status(data) {
  $('status').textContent = data.error ? 'journal read failed: ' + data.error
    : (data.clients == null ? '' : data.clients + ' live client(s), sampled every ' + data.samplePeriodMs / 1000 + ' s');
}

function every(ms, f) { f(); setInterval(f, ms); }

function sparkline(values) {
  const c = document.createElement('canvas');
  c.width = 120; c.height = 24;
  const g = c.getContext('2d');
  const max = Math.max(1, ...values);
  g.strokeStyle = '#1f77b4';
  g.beginPath();
  values.forEach((v, i) => {
    const x = values.length < 2 ? 0 : i * (c.width - 1) / (values.length - 1);
    const y = c.height - 1 - v * (c.height - 2) / max;
    i ? g.lineTo(x, y) : g.moveTo(x, y);
  });
  g.stroke();
  return c;
}

// ------------------------------------------------------------------ overview
let rows = [], sortKey = 'name', sortUp = true;
function drawOverview() {
  const f = $('filter').value.toLowerCase();
  const shown = rows.filter(d => (d.name + ' ' + d.type + ' ' + (d.topic || '')).toLowerCase().includes(f));
  shown.sort((a, b) => (a[sortKey] < b[sortKey] ? -1 : a[sortKey] > b[sortKey] ? 1 : 0) * (sortUp ? 1 : -1));
  const tbody = document.querySelector('#overview tbody');
  tbody.replaceChildren();
  for (const d of shown) {
    const tr = document.createElement('tr');
    tr.dataset.address = d.address;
    tr.dataset.name = d.name;
    cell(tr, d.type);
    const a = document.createElement('a');
    a.href = '/destination.html?address=' + encodeURIComponent(d.address);
    a.textContent = d.topic ? d.topic + ' / ' + d.name : d.name;
    cell(tr, '').appendChild(a);
    for (const k of ['depth', 'ready', 'inFlight', 'scheduled', 'dlqDepth']) cell(tr, d[k], 'n ' + k);
    cell(tr, age(d.oldestAgeMs), 'n oldest');
    cell(tr, d.consumers, 'n consumers');
    cell(tr, '').appendChild(sparkline(d.spark));
    tbody.appendChild(tr);
  }
  $('summary').textContent = shown.length + ' of ' + rows.length + ' destination(s)';
}
function overviewPage(period) {
  $('filter').addEventListener('input', drawOverview);
  document.querySelectorAll('#overview th[data-key]').forEach(th => th.addEventListener('click', () => {
    sortUp = sortKey === th.dataset.key ? !sortUp : true;
    sortKey = th.dataset.key;
    drawOverview();
  }));
  every(period, async () => {
    const data = await get('/api/overview');
    status(data);
    rows = data.destinations;
    drawOverview();
  });
}

// ------------------------------------------------------------------ destination
let depthChart, rateChart;
function chart(el, title, series, data) {
  const opts = { width: 800, height: 220, series: [{}].concat(series), axes: [{}, {}], scales: { x: { time: true } } };
  return new uPlot(opts, data, el);
}
async function destinationPage(period) {
  const address = params.get('address');
  async function refresh() {
    const data = await get('/api/destination?address=' + encodeURIComponent(address));
    status(data);
    const d = data.destination;
    $('title').textContent = (d.topic ? 'Subscription ' + d.topic + ' / ' : d.type + ' ') + d.name;
    for (const k of ['depth', 'ready', 'inFlight', 'scheduled', 'dlqDepth', 'consumers']) $('fig-' + k).textContent = d[k];
    $('fig-oldest').textContent = age(d.oldestAgeMs);
    $('purge-expected').textContent = d.name;
    const h = data.history;
    const depth = [h.t, h.depth];
    const rates = [h.t, h.enqueuedPerSec, h.ackedPerSec];
    if (!depthChart) {
      depthChart = chart($('depth-chart'), 'depth', [{ label: 'depth', stroke: '#1f77b4', width: 2 }], depth);
      rateChart = chart($('rate-chart'), 'rates', [{ label: 'enqueued/s', stroke: '#2ca02c' },
        { label: 'acknowledged/s', stroke: '#d62728' }], rates);
    } else {
      depthChart.setData(depth);
      rateChart.setData(rates);
    }
    $('depth-chart').dataset.points = h.t.length;
    $('depth-chart').dataset.lastDepth = h.depth.length ? h.depth[h.depth.length - 1] : '';
  }
  async function browse() {
    const data = await get('/api/browse?address=' + encodeURIComponent(address) + '&count=' + encodeURIComponent($('count').value));
    const tbody = document.querySelector('#messages tbody');
    tbody.replaceChildren();
    for (const m of data.messages) {
      const tr = document.createElement('tr');
      cell(tr, m.messageId);
      cell(tr, m.priority, 'n');
      cell(tr, new Date(m.timestamp).toISOString());
      cell(tr, Object.entries(m.properties).map(([k, v]) => k + '=' + v).join(', '));
      const pre = document.createElement('pre');
      pre.textContent = (m.bodyType === 'bytes' ? 'hex: ' : '') + m.body;
      cell(tr, '').appendChild(pre);
      tbody.appendChild(tr);
    }
    $('more').textContent = data.more ? 'more messages wait' : '';
  }
  $('count').addEventListener('change', browse);
  // read on demand, not on every refresh: a browse is a query of its own for each open tab
  $('refresh-messages').addEventListener('click', browse);
  $('purge').addEventListener('click', () => { $('purge-confirm').hidden = false; $('purge-name').focus(); });
  $('purge-cancel').addEventListener('click', () => { $('purge-confirm').hidden = true; });
  $('purge-confirm-button').addEventListener('click', async () => {
    try {
      const r = await post('/api/purge', [['address', address], ['confirm', $('purge-name').value]]);
      $('purge-result').textContent = 'purged ' + r.purged + ' message(s)';
      $('purge-confirm').hidden = true;
      await refresh();
      await browse();
    } catch (e) {
      $('purge-result').textContent = e.message;
    }
  });
  every(period, refresh);
  browse();
}

// ------------------------------------------------------------------ dead letters
async function deadLettersPage(period) {
  const dlq = params.get('dlq');
  every(period, async () => {
    const data = await get('/api/deadletters');
    status(data);
    const tbody = document.querySelector('#dlqs tbody');
    tbody.replaceChildren();
    for (const d of data.deadLetterQueues) {
      const tr = document.createElement('tr');
      const a = document.createElement('a');
      a.href = '/deadletters.html?dlq=' + encodeURIComponent(d.name);
      a.textContent = d.name;
      cell(tr, '').appendChild(a);
      cell(tr, d.depth, 'n');
      tbody.appendChild(tr);
    }
  });
  if (!dlq) return;
  $('dlq-panel').hidden = false;
  $('dlq-title').textContent = dlq;
  $('replay-expected').textContent = dlq;
  $('dlq-link').href = '/destination.html?address=' + encodeURIComponent('Q:' + dlq);
  async function list() {
    const tbody = document.querySelector('#dead-letters tbody');
    let data;
    try {
      data = await get('/api/browse?count=200&address=' + encodeURIComponent('Q:' + dlq));
    } catch (e) {
      tbody.replaceChildren();
      return;
    }
    tbody.replaceChildren();
    for (const m of data.messages) {
      const tr = document.createElement('tr');
      tr.dataset.id = m.messageId;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = m.messageId;
      cell(tr, '').appendChild(box);
      cell(tr, m.messageId);
      cell(tr, (m.originalDestination || '?') + (m.originalSubscription ? ' / ' + m.originalSubscription : ''));
      cell(tr, m.reason);
      cell(tr, m.attempts, 'n');
      cell(tr, m.body);
      tbody.appendChild(tr);
    }
  }
  async function replay(fields) {
    try {
      const r = await post('/api/replay', fields);
      $('replay-result').textContent = 'replayed ' + r.replayed + ' message(s) from ' + r.from;
    } catch (e) {
      $('replay-result').textContent = e.message;
    }
    $('replay-confirm').hidden = true;
    await list();
  }
  $('select-all').addEventListener('change', e =>
    document.querySelectorAll('#dead-letters tbody input').forEach(b => { b.checked = e.target.checked; }));
  $('replay-selected').addEventListener('click', () => {
    const ids = [...document.querySelectorAll('#dead-letters tbody input:checked')].map(b => ['id', b.value]);
    if (ids.length === 0) { $('replay-result').textContent = 'select messages first'; return; }
    replay([['dlq', dlq]].concat(ids));
  });
  $('replay-all').addEventListener('click', () => { $('replay-confirm').hidden = false; });
  $('replay-cancel').addEventListener('click', () => { $('replay-confirm').hidden = true; });
  $('replay-confirm-button').addEventListener('click', () => replay([['dlq', dlq], ['confirm', dlq]]));
  list();
}

// ------------------------------------------------------------------ clients
function clientsPage(period) {
  every(period, async () => {
    const data = await get('/api/clients');
    status(data);
    const tbody = document.querySelector('#clients tbody');
    tbody.replaceChildren();
    for (const c of data.clients) {
      const tr = document.createElement('tr');
      cell(tr, c.id);
      cell(tr, c.clientIds.join(', '));
      cell(tr, new Date(c.startedAt).toISOString());
      cell(tr, age(c.heartbeatAgeMs) + ' ago', 'n');
      cell(tr, c.consumers, 'n');
      tbody.appendChild(tr);
    }
  });
}

(async () => {
  // refresh as often as the console samples; the pages never cause a journal read of their own
  const first = await get('/api/clients').catch(() => ({ samplePeriodMs: 5000 }));
  const period = Math.max(500, first.samplePeriodMs || 5000);
  const page = document.body.dataset.page;
  if (page === 'overview') overviewPage(period);
  else if (page === 'destination') destinationPage(period);
  else if (page === 'deadletters') deadLettersPage(period);
  else if (page === 'clients') clientsPage(period);
})();
