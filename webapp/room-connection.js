// One member's connection to one room, kept alive across drops: it reconnects with exponential backoff and
// jitter, asking for the messages after the last seq it saw, and never reports a message twice.

const MAX_DELAY_MS = 30000;
const FIRST_DELAY_MS = 500;

export function socketUrl(path) {
  const url = new URL(path, document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}

export class RoomConnection {
  constructor(room, name, handlers) {
    this.room = room;
    this.name = name;
    this.handlers = handlers; // { state(state, detail), event(event), fatal(reason) }
    this.lastSeq = null;
    this.attempt = 0;
    this.stopped = false;
    this.socket = null;
    this.timer = null;
  }

  open() {
    const url = socketUrl(`chat/${encodeURIComponent(this.room)}`);
    url.searchParams.set('name', this.name);
    if (this.lastSeq !== null) url.searchParams.set('since', String(this.lastSeq));
    this.handlers.state(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener('message', (m) => this.onMessage(JSON.parse(m.data)));
    socket.addEventListener('close', (c) => this.onClose(c));
  }

  onMessage(event) {
    if (event.type === 'welcome') {
      this.attempt = 0;
      if (this.lastSeq === null) this.lastSeq = event.seq;
      this.handlers.state('live');
    }
    if (event.type === 'message') {
      if (this.lastSeq !== null && event.seq <= this.lastSeq) return; // already shown
      this.lastSeq = event.seq;
    }
    this.handlers.event(event);
  }

  onClose(close) {
    this.socket = null;
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
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    this.handlers.state('reconnecting', { delay, code: close.code, reason: close.reason });
    this.timer = setTimeout(() => this.open(), delay);
  }

  send(text) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify({ type: 'say', text }));
    return true;
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000, 'leaving');
    else this.handlers.state('offline');
  }
}
