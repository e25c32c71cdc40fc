import fc from 'fast-check';
import { assessWording, Asking } from '../../subgraphs/atip/self-service/assessment';
import { SelfServiceCategory as C } from '../../subgraphs/atip/self-service/categories';

/**
 * What a person is told before filing: covered whole (file nothing), needs a formal request, or
 * uncertain (file, to be safe). The wording is read as requests and circumstances, each request
 * with what it asks for and whose it is.
 */
const asking = (more: Partial<Asking> = {}): Asking => ({
  institution: 'IRCC',
  clientUci: '1234-5678',
  applicationNumber: null,
  aboutOwnFile: true,
  asker: 'applicant',
  ...more,
});
const verdict = (description: string, more: Partial<Asking> = {}) =>
  assessWording(description, asking(more)).verdict;

describe('the three answers', () => {
  it('say "covered" when every part asks for something shown, whatever circumstances come with it', () => {
    expect(
      verdict('I applied 14 months ago and have heard nothing. What is the status of my application?'),
    ).toBe('COVERED');
    expect(verdict("J'ai envoyé ma demande il y a huit mois. Où en est-elle?")).toBe('COVERED');
    expect(
      verdict(
        'Dear Sir or Madam,\nMy lawyer advised me to ask. Please send my GCMS notes.\nThank you,\nAna Silva',
      ),
    ).toBe('COVERED');
  });

  it('say "needs a request" when one part asks for what only a formal request gives', () => {
    expect(assessWording('My GCMS notes and my medical exam results', asking()).stillNeedsRequest).toEqual([
      C.MEDICAL,
    ]);
    expect(verdict('status + GCMS notes / security screening results')).toBe('NEEDS_REQUEST');
    expect(verdict('Mes notes du SMGC ainsi que mes photos')).toBe('NEEDS_REQUEST');
  });

  it('say "uncertain", never "covered", when words are not understood, and name them', () => {
    const answer = assessWording('GCMS notes and the zorblax report', asking());
    expect(answer).toMatchObject({
      verdict: 'UNCERTAIN',
      coversWholeRequest: false,
      notUnderstood: ['zorblax'],
    });
    expect(verdict('Hello')).toBe('UNCERTAIN');
  });
});

describe('whose records a request asks for', () => {
  it("is someone else's when it says so, in either language, and then needs a request", () => {
    expect(verdict("My GCMS notes and my wife's GCMS notes")).toBe('NEEDS_REQUEST');
    expect(verdict("Les notes de l'agent sur le dossier de mon fils")).toBe('NEEDS_REQUEST');
    expect(verdict('Travel history for me and my husband')).toBe('NEEDS_REQUEST');
    expect(verdict('My entries and exits, and the US CBP records of my crossings')).toBe('NEEDS_REQUEST');
  });

  it("is the person's own when another person is only part of the story", () => {
    expect(
      verdict('My sister and I applied together but she will ask herself. I want my own decision notes.'),
    ).toBe('COVERED');
  });

  it("is someone else's when the person is asked about, a sponsor's, or several clients'", () => {
    expect(verdict('Can you check if her ex entered Canada in 2024?', { asker: 'representative' })).toBe(
      'NEEDS_REQUEST',
    );
    expect(verdict("I'd like the status of my sponsor's application")).toBe('NEEDS_REQUEST');
    expect(verdict("Where are all my clients' files at?", { asker: 'representative' })).toBe('NEEDS_REQUEST');
    expect(verdict('My mother applied for a visa. Can I get her refusal notes?')).toBe('NEEDS_REQUEST');
  });

  it("is the person's own when someone is with them or a role is named", () => {
    expect(verdict('Je voudrais revenir en visite avec ma femme. Pourquoi mon visa a-t-il été refusé?')).toBe(
      'COVERED',
    );
    expect(verdict('Status of my PR under the spouse class?')).toBe('COVERED');
  });

  it("is the client's for their representative, and someone else's for the person", () => {
    expect(
      verdict('Please provide her GCMS notes and the status of her application', { asker: 'representative' }),
    ).toBe('COVERED');
    expect(verdict('Please provide the status of her application')).toBe('NEEDS_REQUEST');
  });
});

describe('reading a wording', () => {
  it('splits joined requests: "+", "&", "/", lists and line breaks, « ainsi que »', () => {
    expect(verdict('travel history & days in Canada')).toBe('COVERED');
    expect(verdict('1) my status\n2) my medical file')).toBe('NEEDS_REQUEST');
    expect(verdict('mes entrées ainsi que mon dossier médical')).toBe('NEEDS_REQUEST');
  });

  it('honours what a part declines', () => {
    expect(verdict('My GCMS notes, but not my medical results')).toBe('COVERED');
    expect(verdict('Everything you hold, except my medical file')).toBe('NEEDS_REQUEST');
  });

  it('does not pass over a record asked for that nothing names', () => {
    expect(
      verdict('Could you provide:\n- my entries to Canada\n- my fingerprints taken at the airport'),
    ).toBe('UNCERTAIN');
    expect(verdict('Need GCMS notes + all docs submitted with my visa application')).not.toBe('COVERED');
    expect(verdict('My travel history with the photos taken at the border')).not.toBe('COVERED');
  });

  it("tells a letter's listing, which is shown, from the letter itself, which is not", () => {
    expect(verdict('Please send me the procedural fairness letter itself, it never arrived.')).toBe(
      'NEEDS_REQUEST',
    );
    expect(verdict('Renvoyez-moi la lettre pour la biométrie svp')).toBe('NEEDS_REQUEST');
    expect(verdict('What is the due date of the procedural fairness letter?')).toBe('COVERED');
  });

  it('takes what the person has or knows, and statements of how things are, as circumstance', () => {
    expect(verdict('Please send my GCMS notes. I already have copies of my forms.')).toBe('COVERED');
    expect(
      verdict('Je sais que vos dates de sortie viennent des Américains. Mes entrées et sorties svp'),
    ).toBe('COVERED');
    expect(verdict('My eyesight is poor. What is the status of my application?')).toBe('COVERED');
    // A bare noun phrase is not a statement: what it names may be what is asked.
    expect(verdict("What is the status of my application? The officer's phone number.")).toBe('UNCERTAIN');
  });

  it('knows what One Window does not show, however it is put', () => {
    expect(verdict('How many study permits from Nigeria were refused in 2024?')).toBe('NEEDS_REQUEST');
    expect(verdict('How many days was I in Canada since 2021?')).toBe('COVERED');
    expect(verdict('Please send me all my border crossings since 1994')).toBe('NEEDS_REQUEST');
    expect(verdict('I want a copy of the notes the officer typed while I was in secondary')).toBe(
      'NEEDS_REQUEST',
    );
    expect(verdict('Envoyez-moi la liste des passagers de mon vol')).toBe('NEEDS_REQUEST');
    expect(verdict('Quel agent a traité mon dossier? Je veux son nom.')).toBe('NEEDS_REQUEST');
  });

  it('reads through slips of the keyboard', () => {
    expect(verdict('whats the staus of my aplication')).toBe('COVERED');
  });
});

describe("a portal's checkboxes", () => {
  it('are the request, and a wording beside them can only add what needs a request', () => {
    const checked = asking({ asks: [C.APPLICATION_STATUS, C.TRAVEL_HISTORY] });
    expect(assessWording('', checked)).toMatchObject({ verdict: 'COVERED', stillNeedsRequest: [] });
    expect(
      assessWording('also my GCMS notes', checked).availableNow.map((answer) => answer.category),
    ).toEqual([C.APPLICATION_STATUS, C.TRAVEL_HISTORY]);
    expect(assessWording('and my medical results', checked).verdict).toBe('NEEDS_REQUEST');
    expect(assessWording('and the zorblax', checked).verdict).toBe('UNCERTAIN');
    expect(assessWording('', asking({ asks: [C.MEDICAL] })).verdict).toBe('NEEDS_REQUEST');
  });
});

describe('whatever the wording', () => {
  const covered = [
    'What is the status of my application?',
    'My GCMS notes please',
    'Mes entrées et sorties du Canada',
    'Quel est le statut de ma demande?',
    'Days in Canada from 2019 to 2024',
  ];
  const notShown = [
    'my medical exam results',
    "my wife's GCMS notes",
    'les notes du dossier de mon fils',
    'a copy of every letter you sent me',
    'the emails between officers about my file',
    'mes résultats d’examen médical',
    'the security screening results',
    'the US records of my crossings',
  ];
  const joiners = ['\n', ' and ', ', ', ' + ', ' & ', ' ainsi que ', '; ', '. Also '];

  it('one part that only a formal request gives keeps the whole from being "covered"', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...covered),
        fc.constantFrom(...joiners),
        fc.constantFrom(...notShown),
        (base, joiner, extra) => {
          expect(verdict(`${base}${joiner}${extra}`)).not.toBe('COVERED');
        },
      ),
    );
  });

  it('a request for something no one here named keeps it from being "covered"', () => {
    const invented = fc.stringMatching(/^[qxz][a-z]{6,10}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...covered),
        fc.constantFrom(...joiners),
        invented,
        (base, joiner, word) => {
          expect(verdict(`${base}${joiner}the ${word}`)).not.toBe('COVERED');
        },
      ),
      // A part-of-speech tagger once read such a word as a verb in one wording of thousands.
      { numRuns: 1000 },
    );
  });

  it('nothing is "covered" for someone who is neither the person nor their representative', () => {
    fc.assert(
      fc.property(fc.constantFrom(...covered, ...notShown), (wording) => {
        expect(verdict(wording, { aboutOwnFile: false })).toBe('NEEDS_REQUEST');
      }),
    );
  });
});
