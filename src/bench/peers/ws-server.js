// The Node `ws` peer of the benchmark: the same two services as the other targets, in the plainest form.
//   /echo            sends every message back
//   /chat/<room>     every text a member sends is broadcast, unchanged, to every member of the room (sender too);
//                    a join does what a Switchboard join does on the wire: a JSON welcome to the newcomer (the first
//                    100 names and the count) and a JSON join event to each member already there; a leave, a leave
//                    event to those who stay. No history, no seq, no checks.
//   GET /gc          runs a full garbage collection (when started with --expose-gc) and answers
//                    process.memoryUsage(), for memory readings
// Usage: node --expose-gc ws-server.js PORT   (prints "ready" once listening on 127.0.0.1:PORT)
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  if (req.url === '/gc' && typeof global.gc === 'function') {
    global.gc();
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(process.memoryUsage()));
    return;
  }
  res.end('ok\n');
});
const wss = new WebSocketServer({ server, perMessageDeflate: false, maxPayload: 65536 });
const rooms = new Map();

wss.on('connection', (ws, req) => {
  const path = req.url.split('?')[0];
  if (path === '/echo') {
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
    return;
  }
  const room = path.substring('/chat/'.length);
  const name = new URL(req.url, 'http://peer').searchParams.get('name') || 'anonymous';
  let members = rooms.get(path);
  if (!members) {
    members = new Map();
    rooms.set(path, members);
  }
  const join = JSON.stringify({ type: 'join', room, name, members: members.size + 1 });
  for (const other of members.keys()) {
    other.send(join);
  }
  members.set(ws, name);
  const names = [];
  for (const present of members.values()) {
    if (names.length === 100) break;
    names.push(present);
  }
  ws.send(JSON.stringify({ type: 'welcome', room, you: name, members: names, membersTotal: members.size, seq: 0 }));
  ws.on('message', (data, isBinary) => {
    for (const member of members.keys()) {
      member.send(data, { binary: isBinary });
    }
  });
  ws.on('close', () => {
    members.delete(ws);
    if (members.size === 0) {
      rooms.delete(path);
      return;
    }
    const leave = JSON.stringify({ type: 'leave', room, name, members: members.size });
    for (const other of members.keys()) {
      other.send(leave);
    }
  });
});

server.listen(port, '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => process.exit(0));
