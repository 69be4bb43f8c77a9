// The chat page. All text from the server is inserted with textContent, never as HTML.
import {
  RETRYABLE, RoomConnection, socketUrl, tokenFromFragment,
} from './room-connection.js';

const MAX_TEXT = 4096;
const $ = (id) => document.getElementById(id);
let connection = null;
const sentTexts = new Map(); // id -> text, to put a refused message back in the box

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function show(kind, text, { seq, time, from, id } = {}) {
  const item = element('li', kind);
  if (id) item.dataset.id = id;
  if (seq !== undefined) {
    item.dataset.seq = String(seq);
    item.append(element('span', 'meta', `#${seq} ${time}`));
  }
  if (from !== undefined) item.append(element('span', 'from', from));
  item.append(element('span', 'text', text));
  const list = $('messages');
  list.append(item);
  list.scrollTop = list.scrollHeight;
}

function setMembers(names) {
  $('members').replaceChildren(...names.map((name) => element('li', null, name)));
}
const memberNames = () => [...$('members').children].map((item) => item.textContent);

function setState(state, detail) {
  const label = state === 'reconnecting' && detail
    ? `reconnecting in ${Math.ceil(detail.delay / 1000)} s` : state;
  $('state').textContent = label;
  $('state').dataset.state = state;
  const live = state === 'live';
  $('text').disabled = !live;
  $('send-button').disabled = !live;
  $('join-button').disabled = live || state === 'connecting';
  $('leave-button').disabled = state === 'offline';
  if (state === 'reconnecting' && detail && detail.code !== 1006) {
    show('notice', `connection closed (${detail.code}${detail.reason ? `: ${detail.reason}` : ''})`);
  }
}

function problem(text) {
  $('problem').textContent = text;
}

function onEvent(event) {
  switch (event.type) {
    case 'welcome':
      setMembers(event.members);
      show('notice', `you are ${event.you} in ${event.room}`);
      if (event.membersTotal > event.members.length) {
        show('notice', `${event.membersTotal} people are here; the list shows the first ${event.members.length}`);
      }
      break;
    case 'reset':
      show('warning', `some messages were missed: history starts again at #${event.from}`);
      break;
    case 'message':
      if (event.id && $('messages').querySelector(`li[data-id="${CSS.escape(event.id)}"]`)) break; // shown already
      show('message', event.text, {
        seq: event.seq, from: event.from, time: new Date(event.ts).toLocaleTimeString(), id: event.id,
      });
      if (event.id) sentTexts.delete(event.id);
      break;
    case 'join':
      show('notice', `${event.name} joined (${event.members} here)`);
      if (!memberNames().includes(event.name)) setMembers([...memberNames(), event.name]);
      break;
    case 'leave':
      show('notice', `${event.name} left (${event.members} here)`);
      setMembers(memberNames().filter((name) => name !== event.name));
      break;
    case 'error':
      if (event.code === 'forbidden' && !event.id) {
        show('warning', event.message); // e.g. the history this token may not read
        break;
      }
      if (event.id && RETRYABLE.has(event.code)) {
        problem(`${event.message}; waiting messages are sent again shortly`);
        break;
      }
      show('error', `not sent: ${event.message}`);
      problem(event.message);
      if (event.id && sentTexts.has(event.id) && $('text').value === '') {
        $('text').value = sentTexts.get(event.id); // keep what was typed
      }
      if (event.id) sentTexts.delete(event.id);
      updateCounter();
      break;
    default:
      break;
  }
}

function updateCounter() {
  const length = $('text').value.length;
  $('counter').textContent = `${length}/${MAX_TEXT}`;
  $('counter').classList.toggle('over', length > MAX_TEXT);
}

async function loadRooms() {
  try {
    const response = await fetch(new URL('api/rooms', document.baseURI));
    const rooms = await response.json();
    $('room-list').replaceChildren(...rooms.map((r) => {
      const option = element('option');
      option.value = r.room;
      option.label = `${r.room} (${r.members} here)`;
      return option;
    }));
  } catch (e) {
    // the list is a convenience; typing a room still works
  }
}

$('join').addEventListener('submit', (e) => {
  e.preventDefault();
  if (connection) connection.close();
  $('messages').replaceChildren();
  setMembers([]);
  problem('');
  $('room-title').textContent = `in ${$('room').value}`;
  connection = new RoomConnection($('room').value, $('name').value, {
    state: setState,
    event: onEvent,
    fatal: (reason) => problem(`cannot join: ${reason}`),
    outbox: (count) => {
      $('outbox').textContent = count === 0 ? '' : `${count} waiting to be sent`;
    },
  }, tokenFromFragment());
  connection.open();
});

$('leave-button').addEventListener('click', () => {
  if (connection) connection.close();
  loadRooms();
});

$('text').addEventListener('input', () => {
  updateCounter();
  problem('');
});

$('say').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('text').value;
  if (!text.trim()) return;
  if (text.length > MAX_TEXT) {
    problem(`message is ${text.length} characters; the limit is ${MAX_TEXT}`);
    return; // the input keeps the text
  }
  if (!connection) {
    problem('join a room first; your message is still in the box');
    return;
  }
  sentTexts.set(connection.send(text), text);
  $('text').value = '';
  updateCounter();
});

// The handshake inspector: a second socket to the same port reports how the server saw its own upgrade.
function inspect() {
  $('page-port').textContent = location.port || (location.protocol === 'https:' ? '443' : '80');
  const socket = new WebSocket(socketUrl('inspect'));
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

// For tests and the curious: the live connection of this page.
window.switchboardConnection = () => connection;

if (tokenFromFragment()) {
  // Signed in: the token names the member.
  $('name').required = false;
  $('name').disabled = true;
  $('name').placeholder = 'from your sign-in';
}

updateCounter();
loadRooms();
inspect();
