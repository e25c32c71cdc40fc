import { RunningGateway } from '../../gateway/gateway';
import { EXPLORER_CSP } from '../../gateway/explorer/graphiql-routes';
import { postQuery, useFederation } from '../fixtures/federation';

/**
 * What the gateway sends a browser for its bundled explorer, in each setting of
 * ONE_WINDOW_EXPLORER: the page under its content policy and never cached, its assets revalidated
 * by digest, the landing page it chose, and nothing at all when it is off. (The browser itself is
 * test/e2e/explorer.test.ts, where Chromium is installed.)
 */
const federation = useFederation();
const HTML = { accept: 'text/html' };

describe('the bundled explorer', () => {
  let graphiql: RunningGateway;
  let off: RunningGateway;
  // A token no gateway would mint, to prove the page's data cannot end its script element.
  const hostile = 'x</script><script>alert(1)</script>';

  beforeAll(async () => {
    graphiql = await federation.anotherGateway({
      exposure: { explorer: 'graphiql', introspection: true, sandboxToken: () => hostile },
    });
    off = await federation.anotherGateway({ exposure: { explorer: 'off', introspection: false } });
  });
  afterAll(async () => {
    await graphiql?.stop();
    await off?.stop();
  });

  it('serves its page under a policy of self, never cached, with the flagship operations', async () => {
    const response = await fetch(new URL('/graphiql', federation.gatewayUrl), { headers: HTML });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await response.text();
    expect(page).toContain('query ClientFile');
    expect(page).toContain('query Caseload');
  });

  it('keeps whatever its data holds inside its data element', async () => {
    const page = await (await fetch(new URL('/graphiql', graphiql.url), { headers: HTML })).text();
    expect(page).not.toContain(hostile);
    expect(page.match(/<script/g)).toHaveLength(2);
  });

  it('serves its script and styles revalidated by digest: 304 when unchanged', async () => {
    for (const asset of ['/graphiql/graphiql.js', '/graphiql/graphiql.css']) {
      const first = await fetch(new URL(asset, federation.gatewayUrl));
      expect(first.status).toBe(200);
      expect((await first.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await fetch(new URL(asset, federation.gatewayUrl), {
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    }
  });

  it('shows Sandbox on the landing page by default, and sends a browser to GraphiQL when it is the explorer', async () => {
    const sandbox = await fetch(federation.gatewayUrl, { headers: HTML });
    expect(await sandbox.text()).toContain('embeddable-sandbox');
    const sent = await fetch(graphiql.url, { headers: HTML, redirect: 'manual' });
    expect(sent.status).toBe(302);
    expect(sent.headers.get('location')).toBe('/graphiql');
    // GraphQL is still answered at the same address.
    expect((await postQuery(graphiql.url, '{ __typename }')).body.data).toEqual({ __typename: 'Query' });
  });

  it('opens both explorers with the development token current when the page is loaded', async () => {
    // `npm start` renews the token while the gateway runs (test/e2e/npm-start.test.ts).
    let current = 'first.development.token';
    const renewed = await federation.anotherGateway({
      exposure: { explorer: 'sandbox', introspection: true, sandboxToken: () => current },
    });
    try {
      const pages = () =>
        Promise.all(
          ['/', '/graphiql'].map(async (path) =>
            (await fetch(new URL(path, renewed.url), { headers: HTML })).text(),
          ),
        );
      for (const page of await pages()) expect(page).toContain('Bearer first.development.token');
      current = 'second.development.token';
      for (const page of await pages()) {
        expect(page).toContain('Bearer second.development.token');
        expect(page).not.toContain('first.development.token');
      }
    } finally {
      await renewed.stop();
    }
  });

  it('serves no explorer when it is off', async () => {
    for (const path of ['/graphiql', '/graphiql/graphiql.js']) {
      const response = await fetch(new URL(path, off.url), { headers: HTML });
      expect(response.status).not.toBe(200);
      expect(response.headers.get('content-security-policy')).toBeNull();
      await response.arrayBuffer();
    }
    const landing = await fetch(off.url, { headers: HTML });
    // A page saying so, in both languages: not Apollo Server's CSRF refusal of a browser's GET.
    expect(landing.status).toBe(200);
    const page = await landing.text();
    expect(page).not.toContain('embeddable-sandbox');
    expect(page).toContain('ONE_WINDOW_EXPLORER=graphiql');
    expect(page).toContain('L’explorateur est désactivé');
  });

  it('refuses introspection when it is off by naming the setting an operator changes, in either language', async () => {
    const officer = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    for (const [language, words] of [
      [
        'en',
        'Introspection is off on this server; its operator turns it on with `ONE_WINDOW_INTROSPECTION=on`.',
      ],
      [
        'fr',
        'L’introspection est désactivée sur ce serveur; l’exploitant l’active avec `ONE_WINDOW_INTROSPECTION=on`.',
      ],
    ]) {
      const { body } = await postQuery(off.url, '{ __schema { queryType { name } } }', {}, officer, {
        'accept-language': language,
      });
      expect(body.errors?.map((error) => error.message)).toEqual([words]);
    }
  });
});
