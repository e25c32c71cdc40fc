import puppeteer, { Browser } from 'puppeteer-core';
import { RunningGateway } from '../../gateway/gateway';
import { EXPLORER_CSP } from '../../gateway/explorer/graphiql-routes';
import { useFederation } from '../fixtures/federation';
import { CHROMIUM, describeWithServer } from '../fixtures/optional-servers';

/**
 * The explorers, in a real browser (Debian's Chromium, headless): the bundled GraphiQL works on a
 * network without the internet — it runs a flagship operation through the gateway and shows the
 * federated answer, and no request the page makes leaves the gateway — and Sandbox's landing page
 * opens on the flagship operations with the development token.
 */
const federation = useFederation();

describeWithServer(CHROMIUM, 'the explorers in a browser', (chromium) => {
  let browser: Browser;
  let graphiqlOnly: RunningGateway;

  beforeAll(async () => {
    const token = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    graphiqlOnly = await federation.anotherGateway({
      exposure: { explorer: 'graphiql', introspection: true, sandboxToken: () => token },
    });
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      // Root in CI: Chromium's sandbox needs a user namespace a container may not give.
      args: ['--no-sandbox', '--disable-gpu', '--lang=en-CA'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await graphiqlOnly?.stop();
  });

  it("runs ClientFile in GraphiQL and shows the client's federated file, asking nothing but the gateway", async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const requested: string[] = [];
    const introspections: (string | undefined)[] = [];
    page.on('request', (request) => {
      requested.push(request.url());
      if (request.postData()?.includes('IntrospectionQuery'))
        introspections.push(request.headers().authorization);
    });
    const opened = await page.goto(graphiqlOnly.url, { waitUntil: 'networkidle0' });
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    expect(opened?.headers()['content-security-policy']).toBe(EXPLORER_CSP);

    await page.waitForSelector('.graphiql-execute-button');
    await page.click('.graphiql-execute-button');
    // The result pane is a CodeMirror editor; its text is the answer as GraphiQL received it.
    // The result pane is a CodeMirror editor; its text is the answer as GraphiQL received it.
    const answer = await page.waitForFunction(
      `(() => {
        const editor = document.querySelector('.result-window .CodeMirror');
        const text = editor && editor.CodeMirror ? editor.CodeMirror.getValue() : '';
        return text.includes('"applications"') && text;
      })()`,
      { timeout: 20_000 },
    );
    const result = JSON.parse((await answer.jsonValue()) as string) as {
      data: { client: { uci: string; familyName: string; applications: unknown[]; travelHistory: unknown } };
      errors?: unknown;
    };
    expect(result.errors).toBeUndefined();
    // Case management's applications and CBSA's travel history, in one answer.
    expect(result.data.client).toMatchObject({ uci: '1234-5678', applications: expect.any(Array) });
    expect(result.data.client.travelHistory).toBeDefined();
    if (process.env.ONE_WINDOW_EXPLORER_SCREENSHOT)
      await page.screenshot({ path: process.env.ONE_WINDOW_EXPLORER_SCREENSHOT });

    // The schema it shows (and completes and checks against) is the one the token sees.
    expect(introspections).toEqual([expect.stringMatching(/^Bearer /)]);
    const origin = new URL(graphiqlOnly.url).origin;
    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(requested.some((url) => url.startsWith(`${origin}/graphiql/graphiql.js`))).toBe(true);
    await page.close();
  }, 60_000);

  it('shows the schema in French to a browser that asks for French', async () => {
    const page = await browser.newPage();
    await page.setExtraHTTPHeaders({ 'accept-language': 'fr-CA,fr;q=0.9' });
    const schema = page.waitForResponse((response) =>
      Boolean(response.request().postData()?.includes('IntrospectionQuery')),
    );
    await page.goto(`${graphiqlOnly.url}graphiql`, { waitUntil: 'domcontentloaded' });
    const introspection = await (await schema).text();
    await page.close();
    expect(introspection).toContain('Le dossier d’un client, par son IUC');
  }, 60_000);

  it('opens Sandbox on the flagship operations, with the development token in its headers', async () => {
    const token = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    const sandbox = await federation.anotherGateway({
      exposure: { explorer: 'sandbox', introspection: true, sandboxToken: () => token },
    });
    const page = await browser.newPage();
    // Sandbox itself comes from Apollo's servers, which this network does not reach: only its page is checked.
    await page.setRequestInterception(true);
    page.on('request', (request) =>
      request.url().startsWith(sandbox.url) ? void request.continue() : void request.abort(),
    );
    await page.goto(sandbox.url, { waitUntil: 'domcontentloaded' });
    const html = await page.content();
    await page.close();
    await sandbox.stop();
    expect(html).toContain('query ClientFile');
    expect(html).toContain('query Caseload');
    expect(html).toContain(`Bearer ${token}`);
  }, 60_000);
});
