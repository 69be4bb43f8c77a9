// The Node `ws` peer of the benchmark: the same two services as the other targets, in the plainest form.
//   /echo            sends every message back
//   /chat/<room>     every text a member sends is broadcast, unchanged, to every member of the room (sender too)
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
  let members = rooms.get(path);
  if (!members) {
    members = new Set();
    rooms.set(path, members);
  }
  members.add(ws);
  ws.on('message', (data, isBinary) => {
    for (const member of members) {
      member.send(data, { binary: isBinary });
    }
  });
  ws.on('close', () => {
    members.delete(ws);
    if (members.size === 0) {
      rooms.delete(path);
    }
  });
});

server.listen(port, '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => process.exit(0));
