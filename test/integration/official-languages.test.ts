import { postQuery, useFederation } from '../fixtures/federation';
import { englishFaults, typographyFaults } from '../fixtures/french-style';
import { readGlossary } from '../fixtures/glossary';

/**
 * One Window answers in English or in French, of equal quality: a French-speaking applicant reads
 * their own file in French without asking, and anyone may ask for either language.
 */
const federation = useFederation();

const OWN_FILE = `query OwnFile($uci: ID!) {
  client(uci: $uci) {
    preferredLanguage
    applications {
      applicationNumber
      messages { kind subject }
      decisionNotes { outcome grounds { provision summary explanation } }
    }
    daysInCanada(from: "2019-01-01", to: "2024-12-31") { days explanation }
  }
}`;

interface OwnFile {
  client: {
    preferredLanguage: string;
    applications: {
      messages: { kind: string; subject: string }[];
      decisionNotes: { grounds: { provision: string; summary: string; explanation: string }[] } | null;
    }[];
    daysInCanada: { days: number; explanation: string };
  };
}

/** A seeded client who prefers French and was refused, so that every kind of text is on their file. */
async function frenchSpeakingRefusedClient(): Promise<string> {
  const [row] = await federation.database('ircc-case').query<{ uci: string }>(
    `SELECT c.uci FROM client c
       JOIN application a ON a.client_uci = c.uci
       JOIN refusal_ground g ON g.application_number = a.application_number
     WHERE c.preferred_language = 'FR' ORDER BY c.uci LIMIT 1`,
  );
  return row.uci;
}

async function readOwnFile(headers: Record<string, string> = {}) {
  const uci = await frenchSpeakingRefusedClient();
  const token = await federation.identity.token({ role: 'applicant', subject: uci });
  return postQuery<OwnFile>(federation.gatewayUrl, OWN_FILE, { uci }, token, headers);
}

const texts = (file: OwnFile) => {
  const applications = file.client.applications;
  const grounds = applications.flatMap((a) => a.decisionNotes?.grounds ?? []);
  return {
    subjects: applications.flatMap((a) => a.messages.map((m) => m.subject)),
    provisions: grounds.map((g) => g.provision),
    summaries: grounds.map((g) => g.summary),
    explanations: grounds.map((g) => g.explanation),
    presence: file.client.daysInCanada.explanation,
  };
};

describe('both official languages', () => {
  it('answers a French-speaking applicant reading their own file in French, without being asked', async () => {
    const { body, headers } = await readOwnFile();
    expect(body.errors).toBeUndefined();
    expect(body.data!.client.preferredLanguage).toBe('FR');
    expect(body.extensions?.language).toBe('FR');
    expect(headers.get('content-language')).toBe('fr-CA');
    const french = texts(body.data!);
    expect(french.subjects).toContain('Accusé de réception');
    expect(french.summaries.length).toBeGreaterThan(0);
    for (const summary of french.summaries) expect(summary).toMatch(/^(Je ne suis pas|Vous n’avez pas)/);
    for (const provision of french.provisions)
      expect(provision).toMatch(
        /^(art|par|al|sous-al)\.\u00a0\S+ (du RIPR|de la LIPR|de la Loi sur la citoyenneté)$/u,
      );
    expect(french.presence).toMatch(/jours? au Canada/);
  });

  it('answers the same query in English when the request asks for English', async () => {
    const { body, headers } = await readOwnFile({ 'accept-language': 'en-CA,en;q=0.9,fr;q=0.5' });
    expect(body.extensions?.language).toBe('EN');
    expect(headers.get('content-language')).toBe('en-CA');
    const english = texts(body.data!);
    expect(english.subjects).toContain('Acknowledgement of receipt');
    for (const summary of english.summaries)
      expect(summary).toMatch(/^(I am not satisfied|You have not|You did not)/);
    for (const provision of english.provisions) expect(provision).toMatch(/^(IRPR|IRPA|Citizenship Act) /);
    expect(english.presence).toMatch(/days? in Canada/);
  });

  it('says the same things in both: the same grounds, letters and counts, only the words differ', async () => {
    const french = await readOwnFile();
    const english = await readOwnFile({ 'accept-language': 'en' });
    const shape = (file: OwnFile) =>
      file.client.applications.map((a) => ({
        kinds: a.messages.map((m) => m.kind),
        grounds: a.decisionNotes?.grounds.length ?? 0,
      }));
    expect(shape(french.body.data!)).toEqual(shape(english.body.data!));
    expect(french.body.data!.client.daysInCanada.days).toBe(english.body.data!.client.daysInCanada.days);
    expect(texts(french.body.data!).summaries).not.toEqual(texts(english.body.data!).summaries);
  });

  it('lets one field be written in the other language with its language argument', async () => {
    const uci = await frenchSpeakingRefusedClient();
    const token = await federation.identity.token({ role: 'applicant', subject: uci });
    const { body } = await postQuery(
      federation.gatewayUrl,
      `query($uci: ID!) { client(uci: $uci) {
        daysInCanada(from: "2019-01-01", to: "2024-12-31") { fr: explanation en: explanation(language: EN) }
      } }`,
      { uci },
      token,
    );
    expect(body.extensions?.language).toBe('FR');
    expect(body.data!.client.daysInCanada.fr).toMatch(/au Canada/);
    expect(body.data!.client.daysInCanada.en).toMatch(/in Canada/);
  });

  it('writes in English for callers who state no language and have no file of their own', async () => {
    const uci = await frenchSpeakingRefusedClient();
    const officer = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    const { body } = await postQuery<OwnFile>(federation.gatewayUrl, OWN_FILE, { uci }, officer);
    expect(body.extensions?.language).toBe('EN');
    expect(texts(body.data!).subjects).toContain('Acknowledgement of receipt');
  });

  it('writes errors in the language asked for, with the same code in both', async () => {
    const query = '{ client(uci: "12") { uci } }';
    const officer = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    const french = await postQuery(federation.gatewayUrl, query, {}, officer, { 'accept-language': 'fr-CA' });
    const english = await postQuery(federation.gatewayUrl, query, {}, officer, {
      'accept-language': 'en-CA',
    });
    expect(french.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(english.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(french.body.errors![0].message).toMatch(/n’est pas un IUC/);
    expect(english.body.errors![0].message).toMatch(/is not a UCI/);
  });

  it('writes the errors GraphQL itself raises (validation, syntax, variables) in French too', async () => {
    const officer = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    const ask = async (query: string, variables: Record<string, unknown> = {}) =>
      (await postQuery(federation.gatewayUrl, query, variables, officer, { 'accept-language': 'fr' })).body
        .errors![0].message;
    expect(await ask('{ client(uci: "1234-5678") { shoeSize } }')).toBe(
      'Le type «\u00a0Client\u00a0» n’a pas de champ «\u00a0shoeSize\u00a0».',
    );
    expect(await ask('{ client(uci: "1234-5678") { uci }')).toMatch(/^Erreur de syntaxe\u00a0: /);
    expect(await ask('query($uci: ID!) { client(uci: $uci) { uci } }')).toBe(
      'La variable «\u00a0$uci\u00a0», de type obligatoire «\u00a0ID!\u00a0», n’a pas été fournie.',
    );
  });

  it('writes the errors Apollo Server raises about the request itself in French, with no English left', async () => {
    const officer = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    const headers = {
      authorization: `Bearer ${officer}`,
      'accept-language': 'fr',
      'apollo-require-preflight': 'true',
    };
    const post = (body: unknown) =>
      fetch(federation.gatewayUrl, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const get = (search: string, extra: Record<string, string> = headers) =>
      fetch(`${federation.gatewayUrl}?${search}`, { headers: extra });
    const responses = {
      'a document sent as a syntax tree': await post({ query: { kind: 'Document', definitions: [] } }),
      'variables encoded twice': await post({ query: '{ __typename }', variables: '{}' }),
      'an operation name that is not a string': await post({ query: '{ __typename }', operationName: 3 }),
      'extensions that are not an object': await post({ query: '{ __typename }', extensions: 3 }),
      'a mutation by GET': await get(`query=${encodeURIComponent('mutation { __typename }')}`),
      'variables that are not JSON, by GET': await get(
        `query=${encodeURIComponent('{ __typename }')}&variables=x`,
      ),
      'a GET without the preflight header': await get(`query=${encodeURIComponent('{ __typename }')}`, {
        authorization: headers.authorization,
        'accept-language': 'fr',
      }),
    };
    const glossary = readGlossary();
    for (const [request, response] of Object.entries(responses)) {
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      const { message, extensions } = body.errors[0];
      expect({ request, status: response.status >= 400, code: typeof extensions.code }).toEqual({
        request,
        status: true,
        code: 'string',
      });
      expect({
        request,
        message,
        faults: [...englishFaults(message, glossary), ...typographyFaults(message)],
      }).toEqual({
        request,
        message,
        faults: [],
      });
    }
  });

  it('refuses an unsigned request in the language asked for before any caller is known', async () => {
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'fr', authorization: 'Basic x' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toMatch(/^L’en-tête `Authorization`/);
  });

  it('describes the schema in French to a French-speaking developer in Sandbox, and in English otherwise', async () => {
    const query = '{ __type(name: "RefusalGround") { description fields { name description } } }';
    // Sandbox's own introspection, by a developer whose token opens every type.
    const officer = await federation.identity.token({ role: 'officer', subject: 'officer-1' });
    const describe = async (language: string) =>
      (await postQuery(federation.gatewayUrl, query, {}, officer, { 'accept-language': language })).body.data!
        .__type;
    const french = await describe('fr-CA');
    const english = await describe('en-CA');
    expect(french.description).toBe(
      'Un motif de refus, avec la disposition citée et sa signification en langage clair.',
    );
    expect(english.description).toBe(
      'One reason for a refusal, with the provision cited and what it means in plain language.',
    );
    expect(french.fields.map((f: { name: string }) => f.name)).toEqual(
      english.fields.map((f: { name: string }) => f.name),
    );
  });
});
