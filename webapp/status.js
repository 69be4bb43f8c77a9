// Switchboard's status page: reads GET /metrics (Prometheus text) and GET /api/rooms every INTERVAL_MS and draws
// the last WINDOW samples. Plain JS, no libraries: parsing the text format takes a few lines.
'use strict';

const INTERVAL_MS = 2000;
const WINDOW = 60;
const key = new URLSearchParams(location.hash.slice(1)).get('key');
const headers = key ? { Authorization: 'Bearer ' + key } : {};
const samples = [];
let previous = null;
let previousRooms = new Map();

const $ = (id) => document.getElementById(id);

/** {name -> [{labels, value}]} from the Prometheus text format (comments skipped). */
function parseMetrics(text) {
  const metrics = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = {};
    for (const pair of (match[3] || '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]] = pair[2];
    if (!metrics.has(match[1])) metrics.set(match[1], []);
    metrics.get(match[1]).push({ labels, value: Number(match[4]) });
  }
  return metrics;
}

function sum(metrics, name, filter = () => true) {
  return (metrics.get(name) || []).filter((s) => filter(s.labels)).reduce((total, s) => total + s.value, 0);
}

function one(metrics, name, label, value) {
  return sum(metrics, name, (labels) => labels[label] === value);
}

/** The smallest bucket bound under which 99% of the observations since the last sample fall. */
function p99(now, before) {
  const buckets = (now.get('switchboard_publish_delivery_seconds_bucket') || [])
    .map((b) => ({ le: b.labels.le === '+Inf' ? Infinity : Number(b.labels.le), count: b.value }))
    .sort((a, b) => a.le - b.le);
  if (!buckets.length) return null;
  const earlier = new Map((before ? before.get('switchboard_publish_delivery_seconds_bucket') || [] : [])
    .map((b) => [b.labels.le === '+Inf' ? Infinity : Number(b.labels.le), b.value]));
  const counts = buckets.map((b) => ({ le: b.le, count: b.count - (earlier.get(b.le) || 0) }));
  const total = counts[counts.length - 1].count;
  if (total <= 0) return null;
  return counts.find((b) => b.count >= total * 0.99).le;
}

function format(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en', { maximumFractionDigits: digits });
}

function draw(id, series, colors) {
  const canvas = $(id);
  const context = canvas.getContext('2d');
  const { width, height } = canvas;
  context.clearRect(0, 0, width, height);
  const max = Math.max(1, ...series.flat());
  context.fillStyle = '#5f6368';
  context.font = '11px system-ui, sans-serif';
  context.fillText(format(max, 1), 4, 12);
  context.strokeStyle = '#eee';
  context.beginPath();
  context.moveTo(0, height - 0.5);
  context.lineTo(width, height - 0.5);
  context.stroke();
  series.forEach((points, i) => {
    context.strokeStyle = colors[i];
    context.lineWidth = 2;
    context.beginPath();
    points.forEach((value, x) => {
      const px = (x / (WINDOW - 1)) * width;
      const py = height - 2 - (value / max) * (height - 16);
      if (x === 0) context.moveTo(px, py); else context.lineTo(px, py);
    });
    context.stroke();
  });
  canvas.dataset.samples = String(series[0].length);
  canvas.dataset.last = series.map((points) => points[points.length - 1] ?? 0).join(',');
}

function render(metrics, at) {
  const sample = {
    at,
    websocket: one(metrics, 'switchboard_connections', 'transport', 'websocket'),
    line: one(metrics, 'switchboard_connections', 'transport', 'line'),
    rooms: sum(metrics, 'switchboard_rooms'),
    published: sum(metrics, 'switchboard_messages_published_total'),
    deliveries: sum(metrics, 'switchboard_deliveries_total'),
    queued: sum(metrics, 'switchboard_outbound_queued'),
    refusals: sum(metrics, 'switchboard_handshake_refusals_total'),
    closes: sum(metrics, 'switchboard_closes_total'),
  };
  const seconds = previous ? (at - previous.at) / 1000 : 0;
  const rate = (name) => (previous && seconds > 0 ? Math.max(0, sample[name] - previous[name]) / seconds : 0);
  sample.messagesRate = rate('published');
  sample.deliveriesRate = rate('deliveries');
  sample.refusalsRate = rate('refusals');
  sample.closesRate = rate('closes');
  const latency = p99(metrics, previous && previous.metrics);
  sample.metrics = metrics;

  $('connections-websocket').textContent = format(sample.websocket);
  $('connections-line').textContent = format(sample.line);
  $('rooms-open').textContent = format(sample.rooms);
  $('messages-rate').textContent = format(sample.messagesRate, 1);
  $('deliveries-rate').textContent = format(sample.deliveriesRate, 1);
  $('queued').textContent = format(sample.queued);
  $('refusals-rate').textContent = format(sample.refusalsRate, 1);
  $('latency-p99').textContent = latency === null ? '–'
    : latency === Infinity ? 'over 10 s' : '≤ ' + format(latency * 1000, 1) + ' ms';

  samples.push(sample);
  if (samples.length > WINDOW) samples.shift();
  draw('chart-connections', [samples.map((s) => s.websocket + s.line)], ['#1a73e8']);
  draw('chart-messages', [samples.map((s) => s.messagesRate), samples.map((s) => s.deliveriesRate)],
    ['#137333', '#1a73e8']);
  draw('chart-queued', [samples.map((s) => s.queued)], ['#8a5300']);
  draw('chart-refusals', [samples.map((s) => s.refusalsRate), samples.map((s) => s.closesRate)],
    ['#b00020', '#8a5300']);

  const rows = [];
  for (const s of metrics.get('switchboard_handshake_refusals_total') || []) {
    rows.push(['handshake refused, HTTP ' + s.labels.reason, s.value]);
  }
  for (const s of metrics.get('switchboard_closes_total') || []) rows.push(['closed: ' + s.labels.reason, s.value]);
  for (const s of metrics.get('switchboard_engine_failures_total') || []) {
    if (s.value > 0) rows.push(['engine failure: ' + s.labels.op, s.value]);
  }
  $('refusals').replaceChildren(...rows.map(([what, count]) => row([what, format(count)])));
  previous = sample;
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    td.textContent = cell;
    tr.append(td);
  }
  return tr;
}

async function renderRooms(at) {
  const response = await fetch('api/rooms', { headers, cache: 'no-store' });
  if (!response.ok) {
    $('rooms-note').textContent = response.status === 401 || response.status === 403
      ? 'Listing rooms needs an API key (status.html#key=...).' : 'Rooms: HTTP ' + response.status;
    return;
  }
  const body = await response.json();
  const rooms = Array.isArray(body) ? body : body.rooms || [];
  rooms.sort((a, b) => b.members - a.members || b.lastSeq - a.lastSeq);
  const shown = rooms.slice(0, 50);
  $('rooms-note').textContent = rooms.length > shown.length
    ? 'The 50 busiest of ' + rooms.length + ' rooms.' : rooms.length + ' rooms.';
  const rooms_ = new Map(rooms.map((r) => [r.room, { lastSeq: r.lastSeq, at }]));
  $('rooms').replaceChildren(...shown.map((r) => {
    const before = previousRooms.get(r.room);
    const perSecond = before ? (r.lastSeq - before.lastSeq) / ((at - before.at) / 1000) : 0;
    return row([r.room, format(r.members), format(r.lastSeq), format(perSecond, 1)]);
  }));
  previousRooms = rooms_;
}

async function tick() {
  const at = Date.now();
  try {
    const response = await fetch('metrics', { headers, cache: 'no-store' });
    if (!response.ok) {
      throw new Error(response.status === 401 || response.status === 403
        ? 'GET /metrics needs an API key: open status.html#key=YOUR_API_KEY'
        : response.status === 404 ? 'metrics are off on this server (metrics=off)' : 'GET /metrics: HTTP ' + response.status);
    }
    render(parseMetrics(await response.text()), at);
    await renderRooms(at);
    $('problem').textContent = '';
    $('state').dataset.state = 'live';
    $('state').textContent = 'live';
  } catch (error) {
    $('problem').textContent = error.message;
    $('state').dataset.state = 'reconnecting';
    $('state').textContent = 'unreachable';
  }
}

$('interval').textContent = String(INTERVAL_MS / 1000);
$('window-minutes').textContent = String((WINDOW * INTERVAL_MS) / 60000);
tick();
setInterval(tick, INTERVAL_MS);
