// The floor of what any Node HTTP server can do on this machine: a plain `http` server writing one
// pre-compressed buffer with a few headers, nothing else. bench/run.ts measures it beside Xabar's
// cache hit and nginx, so the table shows how much of the gap to nginx is Node's own.
// Usage: node bench/bare-node-server.mjs FILE.gz PORT
import fs from 'node:fs';
import http from 'node:http';

const [file, port] = process.argv.slice(2);
const body = fs.readFileSync(file);
const headers = ['content-type', 'text/html; charset=utf-8', 'content-encoding', 'gzip', 'vary', 'Accept-Encoding', 'etag', '"bare"', 'content-length', String(body.length)];
http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), '127.0.0.1');
