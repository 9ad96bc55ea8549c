import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the transport does with a request: answer it, cut the connection, or never answer. */
export type HttpOutcome =
  | { kind: 'reply'; status: number; contentType: string; body: string }
  | { kind: 'reset' }
  | { kind: 'hang' };

export type RequestHandler = (body: string, callerIp: string) => Promise<HttpOutcome>;

export interface HttpServer {
  port: number;
  close(): Promise<void>;
}

/** The version segment the client puts in its endpoint URL (callgear-data-api.md §1). */
export const API_PATH = '/v2.0';
const MAX_BODY_BYTES = 64 * 1024 * 1024;

const plain = (status: number, body: string): HttpOutcome => ({ kind: 'reply', status, contentType: 'text/plain; charset=UTF-8', body });

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, outcome: HttpOutcome): void {
  if (res.destroyed) return;
  if (outcome.kind === 'reset') {
    // A TCP reset rather than a polite close: what a client sees when a proxy or server dies mid-request.
    res.socket?.resetAndDestroy();
    return;
  }
  if (outcome.kind === 'hang') return;
  res.writeHead(outcome.status, { 'Content-Type': outcome.contentType, 'Content-Length': Buffer.byteLength(outcome.body) });
  res.end(outcome.body);
}

async function serve(req: IncomingMessage, res: ServerResponse, handle: RequestHandler): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== API_PATH && path !== `${API_PATH}/`) return send(res, plain(404, 'Not Found'));
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return send(res, plain(405, 'Method Not Allowed: the Data API takes POST only'));
  }
  const body = await readBody(req);
  if (body === undefined) return send(res, plain(413, 'Request Entity Too Large'));
  const callerIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  send(res, await handle(body, callerIp));
}

/** An HTTP server on loopback only: the sandbox is never reachable from another machine. */
export function listen(port: number, handle: RequestHandler): Promise<HttpServer> {
  const server = createServer((req, res) => {
    serve(req, res, handle).catch(() => send(res, plain(500, 'Internal Server Error')));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Hanging requests and idle keep-alive sockets would hold close() open forever.
            server.closeAllConnections();
          }),
      });
    });
  });
}
