// The chat page: joins one room over a WebSocket opened to the same origin and path prefix as the page,
// so it works at "/" in the launcher and under a context root such as "/switchboard/" in an application server.
const $ = (id) => document.getElementById(id);
let socket = null;

function wsUrl(path) {
  const url = new URL(path, document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}

function socketUrl(room, name) {
  const url = wsUrl(`chat/${encodeURIComponent(room)}`);
  url.searchParams.set('name', name);
  return url;
}

// The handshake inspector: a second socket to the same port reports how the server saw its own upgrade.
function inspect() {
  const pagePort = location.port || (location.protocol === 'https:' ? '443' : '80');
  $('page-port').textContent = pagePort;
  const socket = new WebSocket(wsUrl('inspect'));
  socket.addEventListener('message', (m) => {
    const report = JSON.parse(m.data);
    const lines = (start, headers) => [start, ...headers.map(([name, value]) => `${name}: ${value}`)].join('\n');
    $('inspect-request').textContent = lines(report.request.line, report.request.headers);
    $('inspect-response').textContent = lines(report.response.line, report.response.headers);
    $('inspect-accept').textContent = `Sec-WebSocket-Accept = ${report.accept.formula} with key ${report.accept.key}: `
      + `${report.accept.computed} (${report.accept.matches ? 'matches what was sent' : 'does not match!'})`;
    $('socket-ports').textContent = `The inspector's WebSocket reached the server's port ${report.localPort} `
      + `from client port ${report.remotePort}: the same server port as the page, over its own TCP connection.`;
    socket.close(1000, 'seen');
  });
}
inspect();

function show(kind, text, meta) {
  const item = document.createElement('li');
  item.className = kind;
  if (meta) {
    const span = document.createElement('span');
    span.className = 'meta';
    span.textContent = meta;
    item.append(span);
  }
  item.append(document.createTextNode(text));
  $('messages').append(item);
  item.scrollIntoView({ block: 'nearest' });
}

function setMembers(names) {
  $('members').replaceChildren(...names.map((name) => {
    const item = document.createElement('li');
    item.textContent = name;
    return item;
  }));
}

function setState(state) {
  $('state').textContent = state;
  const live = state === 'live';
  $('text').disabled = !live;
  $('say').querySelector('button').disabled = !live;
}

function onEvent(event) {
  switch (event.type) {
    case 'welcome': setMembers(event.members); show('notice', `joined ${event.room} as ${event.you}`); break;
    case 'join': show('notice', `${event.name} joined (${event.members} here)`); addMember(event.name); break;
    case 'leave': show('notice', `${event.name} left (${event.members} here)`); removeMember(event.name); break;
    case 'message': show('message', `${event.from}: ${event.text}`, `#${event.seq} ${new Date(event.ts).toLocaleTimeString()}`); break;
    case 'error': show('error', `error: ${event.message} (${event.code})`); break;
    default: break;
  }
}

function memberNames() {
  return [...$('members').children].map((item) => item.textContent);
}
function addMember(name) { if (!memberNames().includes(name)) setMembers([...memberNames(), name]); }
function removeMember(name) { setMembers(memberNames().filter((n) => n !== name)); }

$('join').addEventListener('submit', (e) => {
  e.preventDefault();
  if (socket) socket.close(1000, 'rejoining');
  $('messages').replaceChildren();
  setState('connecting');
  socket = new WebSocket(socketUrl($('room').value, $('name').value));
  socket.addEventListener('open', () => setState('live'));
  socket.addEventListener('message', (m) => onEvent(JSON.parse(m.data)));
  socket.addEventListener('close', (c) => {
    setState('offline');
    if (c.code !== 1000) show('error', `connection closed (${c.code}${c.reason ? ': ' + c.reason : ''})`);
  });
});

$('say').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('text').value;
  if (!text || !socket || socket.readyState !== WebSocket.OPEN) return;
  socket.send(JSON.stringify({ type: 'say', text }));
  $('text').value = '';
});
