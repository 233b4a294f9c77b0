// The reader on its own port, for Socket Mode (where no HTTP server exists for Slack): READER_PORT.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGE_HEADERS, problemPage } from './html.ts';
import type { ReaderHandler } from './handler.ts';

export interface ReaderServer {
  port: number;
  close(): Promise<void>;
}

const NOT_FOUND = problemPage('Page introuvable', 'Le lecteur des rapports sert ses pages sous /r/.');

export async function startReaderServer(options: { port: number; host?: string; handler: ReaderHandler }): Promise<ReaderServer> {
  const server = createServer((req, res) => {
    if (options.handler(req, res)) return;
    res.writeHead(404, { ...PAGE_HEADERS, 'content-length': String(Buffer.byteLength(NOT_FOUND)) });
    res.end(req.method === 'HEAD' ? undefined : NOT_FOUND);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
