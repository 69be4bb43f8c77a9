// One member's connection to one room, kept alive across drops: it reconnects with exponential backoff and
// jitter, asking for the messages after the last seq it saw (in the epoch it saw them), and never reports a
// message twice. What the user says goes into an outbox (kept in sessionStorage, so a reload keeps it too) with
// an id of its own; it leaves the outbox when the server acknowledges it, and is sent again with the same id
// after a reconnect, so a message typed just before the socket dropped is said exactly once.

const MAX_DELAY_MS = 30000;
const FIRST_DELAY_MS = 500;
const RETRY_UNAVAILABLE_MS = 3000;
// Refusals that pass: the message stays in the outbox and is sent again (same id) a little later.
export const RETRYABLE = new Set(['unavailable', 'rate-limited']);
const MAX_IN_FLIGHT = 16; // unacknowledged says on the socket at once: a burst never outruns the room's rate

export function socketUrl(path) {
  const url = new URL(path, document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}

// An id for exactly-once sending: [A-Za-z0-9_-], from the browser's CSPRNG (also outside secure contexts).
function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

class Outbox {
  constructor(room, name) {
    this.key = `switchboard.outbox.${room}.${name}`;
    try {
      this.items = JSON.parse(sessionStorage.getItem(this.key)) || [];
    } catch (e) {
      this.items = [];
    }
  }

  add(text) {
    const item = { id: newId(), text };
    this.items.push(item);
    this.save();
    return item;
  }

  remove(id) {
    const before = this.items.length;
    this.items = this.items.filter((item) => item.id !== id);
    if (this.items.length !== before) this.save();
    return this.items.length !== before;
  }

  save() {
    try {
      if (this.items.length === 0) sessionStorage.removeItem(this.key);
      else sessionStorage.setItem(this.key, JSON.stringify(this.items));
    } catch (e) {
      // storage full or off: the outbox still works for this page's life
    }
  }
}

// A token given to the page in its fragment (#token=...): fragments never reach a server or its logs.
export function tokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

export class RoomConnection {
  constructor(room, name, handlers, token = null) {
    this.room = room;
    this.name = name;
    this.token = token; // with auth=token: sent as the subprotocol bearer.<token>, never in the URL
    this.handlers = handlers; // { state(state, detail), event(event), fatal(reason), outbox(count) }
    this.lastSeq = null;
    this.epoch = null;
    this.attempt = 0;
    this.stopped = false;
    this.socket = null;
    this.timer = null;
    this.retryTimer = null;
    this.outbox = new Outbox(room, name);
    this.inFlight = new Set(); // ids sent on the current socket and not yet answered
  }

  open() {
    const url = socketUrl(`chat/${encodeURIComponent(this.room)}`);
    if (!this.token) url.searchParams.set('name', this.name);
    if (this.lastSeq !== null) {
      url.searchParams.set('since', String(this.lastSeq));
      if (this.epoch !== null) url.searchParams.set('epoch', this.epoch);
    }
    this.handlers.state(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = this.token ? new WebSocket(url, ['switchboard.v1', `bearer.${this.token}`]) : new WebSocket(url);
    this.socket = socket;
    this.welcomed = false;
    this.inFlight.clear();
    socket.addEventListener('message', (m) => this.onMessage(JSON.parse(m.data)));
    socket.addEventListener('close', (c) => this.onClose(c));
    this.handlers.outbox(this.outbox.items.length);
  }

  onMessage(event) {
    if (event.type === 'welcome') {
      this.attempt = 0;
      this.welcomed = true;
      if (this.token) this.name = event.you; // the token names the member
      if (this.lastSeq === null) this.lastSeq = event.seq;
      this.epoch = event.epoch;
      this.live = true;
      this.handlers.state('live');
      this.flushOutbox();
    }
    if (event.type === 'reset') {
      // What follows starts at event.from: a new history (another epoch) or one that moved on without us.
      this.lastSeq = event.from - 1;
      this.epoch = event.epoch;
    }
    if (event.type === 'message') {
      const acknowledged = event.from === this.name && event.id && this.outbox.remove(event.id);
      if (acknowledged) {
        this.inFlight.delete(event.id);
        this.handlers.outbox(this.outbox.items.length);
        this.flushOutbox();
      }
      if (this.lastSeq !== null && event.seq <= this.lastSeq) {
        // Already shown, unless it is this page's own message said before it saw the room (sent before a reload).
        if (acknowledged) this.handlers.event(event);
        return;
      }
      this.lastSeq = event.seq;
    }
    if (event.type === 'error' && event.id) {
      this.inFlight.delete(event.id);
      if (RETRYABLE.has(event.code)) {
        this.retryLater();
        return this.handlers.event(event);
      }
      this.outbox.remove(event.id); // refused for good: the page shows why and keeps the text in the box
      this.handlers.outbox(this.outbox.items.length);
      this.flushOutbox();
    }
    this.handlers.event(event);
  }

  onClose(close) {
    this.socket = null;
    this.live = false;
    if (this.stopped) {
      this.handlers.state('offline');
      return;
    }
    if (close.code === 1008 && /must match/.test(close.reason)) {
      this.stopped = true;
      this.handlers.fatal(close.reason);
      this.handlers.state('offline');
      return;
    }
    if (close.code === 4001 || close.code === 4003) {
      this.stopped = true;
      this.handlers.fatal(close.code === 4001 ? 'your sign-in has expired: sign in again to go on'
        : `your token was refused (${close.reason}): sign in again`);
      this.handlers.state('offline');
      return;
    }
    if (this.token && !this.welcomed && this.attempt === 0) {
      // A browser is not told why a handshake failed; with a token the likely reason is the token itself.
      this.handlers.fatal('the server did not let you in: your token may have expired or not grant this room');
    }
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    this.handlers.state('reconnecting', { delay, code: close.code, reason: close.reason });
    this.timer = setTimeout(() => this.open(), delay);
  }

  // Queues the text; it is sent now if the socket is open, else after the next welcome.
  send(text) {
    const item = this.outbox.add(text);
    this.handlers.outbox(this.outbox.items.length);
    this.flushOutbox();
    return item.id;
  }

  // Sends what waits in the outbox, oldest first, keeping at most MAX_IN_FLIGHT unanswered.
  flushOutbox() {
    if (!this.live || !this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    for (const item of this.outbox.items) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) return;
      if (!this.inFlight.has(item.id)) {
        this.inFlight.add(item.id);
        this.socket.send(JSON.stringify({ type: 'say', text: item.text, id: item.id }));
      }
    }
  }

  // The engine was down or the room's rate was reached: what was refused is sent again in a while (same ids, so
  // nothing is said twice).
  retryLater() {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.inFlight.clear();
      this.flushOutbox();
    }, RETRY_UNAVAILABLE_MS);
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    if (this.socket) this.socket.close(1000, 'leaving');
    else this.handlers.state('offline');
  }
}
