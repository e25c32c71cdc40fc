import { createServer, Server } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { httpFetch } from '../../platform/http/http-fetch';

/**
 * Service calls reuse kept-alive connections, but never one the service is about to close: an idle
 * connection is closed by the caller before the time-out the service announces, so a request is
 * never written down a connection the service is closing (ECONNRESET for the caller).
 */
describe('service calls over kept-alive connections', () => {
  let server: Server;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.end('{}'));
    });
    // Announced as `Keep-Alive: timeout=2`; Node itself closes it a second later still.
    server.keepAliveTimeout = 2_000;
    server.on('connection', (socket: Socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('reuses the connection, and closes it from its side before the announced time-out', async () => {
    await httpFetch(url, { method: 'POST', body: '{}' });
    await httpFetch(url, { method: 'POST', body: '{}' });
    expect(sockets).toHaveLength(1);
    const idleSince = Date.now();
    // `end` on the service's side: the caller sent its FIN, the service had not closed it.
    const closedByCaller = await new Promise<number>((resolve, reject) => {
      sockets[0].once('end', () => resolve(Date.now() - idleSince));
      sockets[0].once('close', () => reject(new Error('the service closed the connection first')));
    });
    expect(closedByCaller).toBeLessThan(3_000);
  });
});
