import fc from 'fast-check';
import { IncomingMessage } from 'node:http';
import { renewSandboxToken } from '../../bin/tools/sandbox-token';
import { isTokenShaped, pageTokenFor } from '../../gateway/explorer/sandbox-token';

/**
 * The explorers' development token: renewed by `npm start` before any page could hand out a dead
 * one, and written only into pages a browser on this machine asks for by a loopback name.
 */
const MINUTE = 60_000;

/** An unsigned token with the claims renewal reads (it never verifies a signature). */
function tokenIssued(at: number, lifetimeMs: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(at / 1000);
  return `${part({ alg: 'EdDSA' })}.${part({ iat, exp: iat + lifetimeMs / 1000 })}.c2ln`;
}

describe('renewing the development token', () => {
  let sent: string[];
  let logged: string[];
  let stop: () => void;
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T12:00:00Z') });
    sent = [];
    logged = [];
  });
  afterEach(() => {
    stop();
    jest.useRealTimers();
  });
  const renewing = (first: string, mint: () => Promise<string>) => {
    stop = renewSandboxToken(
      first,
      mint,
      (token) => sent.push(token),
      (line) => logged.push(line),
    );
  };
  const mintHour = () => Promise.resolve(tokenIssued(Date.now(), 60 * MINUTE));

  it('sends the next token when half the last one’s life is gone, counted from when it was issued', async () => {
    // Issued ten minutes ago (the time a start took): half its hour is gone in twenty minutes.
    renewing(tokenIssued(Date.now() - 10 * MINUTE, 60 * MINUTE), mintHour);
    await jest.advanceTimersByTimeAsync(20 * MINUTE - 1_000);
    expect(sent).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(1);
    // And every thirty minutes after that, each token from the last.
    await jest.advanceTimersByTimeAsync(30 * MINUTE);
    expect(sent).toHaveLength(2);
  });

  it('renews at once a token already past half its life', async () => {
    renewing(tokenIssued(Date.now() - 45 * MINUTE, 60 * MINUTE), mintHour);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(1);
  });

  it('tries a failed mint again well before the last token expires, and says so', async () => {
    let failures = 2;
    renewing(tokenIssued(Date.now(), 60 * MINUTE), () =>
      failures-- > 0 ? Promise.reject(new Error('disk full')) : mintHour(),
    );
    await jest.advanceTimersByTimeAsync(30 * MINUTE);
    expect([sent.length, logged]).toEqual([0, ['the development token could not be renewed: disk full']]);
    // Retried within thirty seconds, not at the next half-life (when the token is dead).
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    expect(logged).toHaveLength(2);
  });

  it('waits out a lifetime longer than a timer can hold instead of renewing in a loop', async () => {
    let minted = 0;
    renewing(tokenIssued(Date.now(), 365 * 24 * 60 * MINUTE), () => {
      minted += 1;
      return mintHour();
    });
    await jest.advanceTimersByTimeAsync(10 * MINUTE);
    expect(minted).toBe(0);
  });

  it('sends nothing once stopped', async () => {
    renewing(tokenIssued(Date.now(), 60 * MINUTE), mintHour);
    stop();
    await jest.advanceTimersByTimeAsync(120 * MINUTE);
    expect(sent).toEqual([]);
  });
});

describe('which pages carry the development token', () => {
  const TOKEN = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJzYW5kYm94In0.c2ln';
  const request = (remoteAddress: string | undefined, host: string | undefined) =>
    ({
      socket: { remoteAddress },
      headers: host === undefined ? {} : { host },
    }) as unknown as IncomingMessage;
  const tokenOf = (remote: string | undefined, host: string | undefined) =>
    pageTokenFor(request(remote, host), () => TOKEN);

  /** Whether a Host header names this machine literally (`LOCALHOST`, `127.1` and `[::1]` do). */
  const namesLoopback = (host: string) => {
    try {
      return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(`http://${host}`).hostname);
    } catch {
      return false;
    }
  };

  it('a browser on this machine asking for it by a loopback name', () => {
    for (const [remote, host] of [
      ['127.0.0.1', '127.0.0.1:4000'],
      ['127.0.0.1', 'localhost:4000'],
      ['::1', '[::1]:4000'],
      ['::ffff:127.0.0.1', 'localhost'],
    ])
      expect(tokenOf(remote, host)).toBe(TOKEN);
  });

  it('not a caller elsewhere, whatever host it names', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.ipV4(), fc.ipV6()).filter((address) => !/^127\./.test(address) && address !== '::1'),
        fc.constantFrom('127.0.0.1:4000', 'localhost', '[::1]:4000'),
        (remote, host) => tokenOf(remote, host) === undefined,
      ),
    );
  });

  it('not a browser on this machine sent here under another name (DNS rebinding), nor a request without a host', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.domain(), fc.string({ maxLength: 40 }), fc.ipV4()).filter((host) => !namesLoopback(host)),
        (host) => tokenOf('127.0.0.1', host) === undefined,
      ),
    );
    expect(tokenOf('127.0.0.1', undefined)).toBeUndefined();
    expect(tokenOf('127.0.0.1', 'localhost.evil.example')).toBeUndefined();
  });

  it('not a request a proxy on this machine passed on, whatever it names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'),
        fc.oneof(fc.ipV4(), fc.constant('for=198.51.100.7'), fc.string({ maxLength: 20 })),
        fc.constantFrom('127.0.0.1:4000', 'localhost:4000'),
        (header, value, host) =>
          pageTokenFor(
            {
              socket: { remoteAddress: '127.0.0.1' },
              headers: { host, [header]: value },
            } as unknown as IncomingMessage,
            () => TOKEN,
          ) === undefined,
      ),
    );
  });

  it('only a token-shaped value is ever put in a page', () => {
    expect(isTokenShaped(TOKEN)).toBe(true);
    for (const value of [
      'x</script><script>alert(1)</script>',
      '',
      'a.b',
      'a.b.c.d',
      "a.b.c'",
      undefined,
      42,
    ])
      expect(isTokenShaped(value)).toBe(false);
  });
});
