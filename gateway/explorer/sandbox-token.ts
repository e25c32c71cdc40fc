import { IncomingMessage } from 'node:http';

/** What `npm start` sends the gateway when it renews the development token. */
export interface SandboxTokenMessage {
  sandboxToken: string;
}

/** A compact JWS: nothing else is ever written into a page. */
const TOKEN_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

export const isTokenShaped = (value: unknown): value is string =>
  typeof value === 'string' && TOKEN_SHAPE.test(value);

/**
 * The development token both explorers open with: the one the gateway was started with, then
 * each one `npm start` sends over the IPC channel before the last expires. The gateway holds
 * only the development key's public half, so it cannot mint one itself. None in production.
 */
export function sandboxTokenFromParent(first: string | undefined): (() => string) | undefined {
  if (!isTokenShaped(first)) return undefined;
  let current = first;
  process.on('message', (message: unknown) => {
    const token = (message as Partial<SandboxTokenMessage> | null)?.sandboxToken;
    if (isTokenShaped(token)) current = token;
  });
  return () => current;
}

/** What a proxy adds to a request it passes on (RFC 7239 and the de facto headers before it). */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLoopbackAddress = (address: string | undefined) =>
  address === '::1' || /^(::ffff:)?127\./.test(address ?? '');

function hostName(host: string | undefined): string | undefined {
  try {
    return new URL(`http://${host ?? ''}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * The token a page may carry: only to a browser on this machine that asked for this machine by
 * a loopback name. A caller elsewhere on the network gets none, nor does a browser sent here by
 * a DNS-rebinding page under another name (whose script could then read the page), nor one
 * whose request a proxy on this machine forwarded (a proxy names its upstream, often 127.0.0.1).
 */
export function pageTokenFor(
  request: IncomingMessage,
  token: (() => string | undefined) | undefined,
): string | undefined {
  const local =
    isLoopbackAddress(request.socket.remoteAddress) &&
    LOOPBACK_NAMES.has(hostName(request.headers.host) ?? '') &&
    !FORWARDING_HEADERS.some((header) => header in request.headers);
  return local ? token?.() : undefined;
}

/** What `build` makes of a token, made again only when the token changes (every half hour). */
export function perToken<T>(build: (token: string | undefined) => T): (token: string | undefined) => T {
  let last: { token: string | undefined; built: T } | undefined;
  return (token) => {
    if (!last || last.token !== token) last = { token, built: build(token) };
    return last.built;
  };
}
