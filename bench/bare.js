// The ceiling the app is measured against: a bare Node `http` server in its own process that
// answers each path with the very bytes (status, headers and body) the app sent for it, captured
// by the runner and handed over by IPC. It listens on 127.0.0.1 only and exits with its parent.
'use strict';
const http = require('http');

// Set per response by Node itself, or meaningless when replayed.
const NOT_REPLAYED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

const responses = new Map();
const server = http.createServer((request, response) => {
  const captured = responses.get(request.url);
  if (!captured) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(captured.status, captured.headers);
  response.end(request.method === 'HEAD' ? undefined : captured.body);
});

process.on('message', (message) => {
  if (message.type === 'serve') {
    const headers = Object.fromEntries(
      Object.entries(message.headers).filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase())),
    );
    responses.set(message.path, { status: message.status, headers, body: Buffer.from(message.body, 'base64') });
    process.send({ type: 'served', path: message.path });
  }
  if (message.type === 'stop') server.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
