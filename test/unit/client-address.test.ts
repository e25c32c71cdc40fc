import fc from 'fast-check';
import { IncomingMessage } from 'node:http';
import { ClientAddresses } from '../../gateway/traffic/client-address';

/** Whom a request is counted against, as the rate limiter asks. */
const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

const BALANCERS = new ClientAddresses(['10.0.0.0/8', 'fd00::/8']);
const callerV6 = () => fc.ipV6().filter((address) => !/^fd[0-9a-f]{2}:/i.test(address));

describe('a caller address', () => {
  it('is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.string({ maxLength: 300 }), (peer, header) => {
        fc.pre(!peer.startsWith('10.'));
        expect(BALANCERS.of(request(peer, header))).toBe(peer);
        expect(new ClientAddresses([]).of(request(peer, header))).toBe(peer);
      }),
    );
  });

  it('behind trusted proxies, is the right-most address no trusted proxy owns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.ipV4(), fc.string({ maxLength: 20 })), { maxLength: 5 }),
        fc.ipV4().filter((address) => !address.startsWith('10.')),
        fc.array(
          fc.ipV4().map((address) => `10.${address.split('.').slice(1).join('.')}`),
          { maxLength: 4 },
        ),
        (written, caller, hops) => {
          const header = [...written, caller, ...hops].join(', ');
          expect(BALANCERS.of(request('10.1.2.3', header))).toBe(caller);
        },
      ),
    );
  });

  it('from IPv6 is counted by its /64, however the address is written', () => {
    fc.assert(
      // Callers' addresses: one in the balancers' own block (fd00::/8) is a balancer, not a caller.
      fc.property(callerV6(), callerV6(), (a, b) => {
        const sameBlock = (address: string) => BALANCERS.of(request(address));
        const prefix = (address: string) => sameBlock(address).replace('::/64', '');
        expect(sameBlock(a)).toMatch(/^[0-9a-f]{1,4}(:[0-9a-f]{1,4}){3}::\/64$/);
        if (prefix(a) === prefix(b)) expect(sameBlock(a)).toBe(sameBlock(b));
      }),
    );
    const of = (address: string) => BALANCERS.of(request(address));
    expect(of('2001:db8:1:2::1')).toBe(of('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
    expect(of('2001:db8:1:2::1')).not.toBe(of('2001:db8:1:3::1'));
    expect(of('::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it('reads hops written with a port, and never counts an unreadable hop as the balancer', () => {
    expect(BALANCERS.of(request('10.0.0.1', '203.0.113.7:54321'))).toBe('203.0.113.7');
    expect(BALANCERS.of(request('10.0.0.1', '[2001:db8:1:2::1]:443'))).toBe('2001:db8:1:2::/64');
    const unreadable = BALANCERS.of(request('10.0.0.1', 'not-an-address'));
    expect(unreadable).not.toBe('10.0.0.1');
    expect(unreadable).toBe(BALANCERS.of(request('10.0.0.2', 'not-an-address')));
    expect(unreadable).not.toBe(BALANCERS.of(request('10.0.0.1', 'another')));
    expect(new ClientAddresses([]).of(request(''))).toBe('unknown');
  });

  it('refuses a trusted-proxy list that is not addresses or CIDR blocks', () => {
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'proxy.local', '10.0.0.0/x'])
      expect(() => new ClientAddresses([bad])).toThrow(/ONE_WINDOW_TRUSTED_PROXIES/);
  });
});
