import DataLoader from 'dataloader';
import { forbidden } from '../../../platform/errors';
import { Caller } from '../../../platform/caller';
import { kitMessages } from '../messages/catalogue';

/** Of these clients, the ones the representative holds an active authorization (IMM 5476) for. */
export type RepresentedClients = (representativeId: string, ucis: readonly string[]) => Promise<string[]>;

/**
 * Row-level access to a client's file, enforced in every subgraph: an applicant reads only their
 * own file, a representative only clients with an active authorization (checked at each request,
 * so a withdrawn authorization closes access at once), officers and partners any file their
 * scopes open. Checks made in one request are batched into one lookup.
 */
export class ClientAccess {
  private readonly allowed: DataLoader<string, boolean>;
  /** Files this request read, and files it was refused: the audit trail's raw material. */
  readonly read = new Set<string>();
  readonly denied = new Set<string>();

  /** Without `representedClients` a subgraph lets representatives read no file. */
  constructor(
    private readonly caller: Caller,
    representedClients?: RepresentedClients,
  ) {
    this.allowed = new DataLoader(async (ucis) => {
      switch (caller.role) {
        case 'officer':
        case 'partner':
          return ucis.map(() => true);
        case 'applicant':
          return ucis.map((uci) => uci === caller.subject);
        case 'representative': {
          const represented = new Set(
            caller.subject && representedClients ? await representedClients(caller.subject, ucis) : [],
          );
          return ucis.map((uci) => represented.has(uci));
        }
        default:
          return ucis.map(() => false);
      }
    });
  }

  async mayRead(uci: string): Promise<boolean> {
    const allowed = await this.allowed.load(uci);
    (allowed ? this.read : this.denied).add(uci);
    return allowed;
  }

  /** Records a file read under a broader permission (a representative's whole caseload). */
  noteRead(ucis: readonly string[]): void {
    for (const uci of ucis) this.read.add(uci);
  }

  /** Records a refusal decided outside the row rules (a log only its client and oversight may read). */
  noteDenied(uci: string): void {
    this.denied.add(uci);
  }

  async assertMayRead(uci: string): Promise<void> {
    if (!(await this.mayRead(uci))) throw forbidden(kitMessages.text('access.client', { uci }));
  }

  /** Keeps the items about clients the caller may read. */
  async readable<Item>(items: readonly Item[], uciOf: (item: Item) => string): Promise<Item[]> {
    const allowed = await Promise.all(items.map((item) => this.mayRead(uciOf(item))));
    return items.filter((_, index) => allowed[index]);
  }

  /** A representative's own caseload, or any caseload for officers and partners. */
  assertMayReadCaseload(representativeId: string): void {
    const own = this.caller.role === 'representative' && this.caller.subject === representativeId;
    if (!own && this.caller.role !== 'officer' && this.caller.role !== 'partner') {
      throw forbidden(kitMessages.text('access.representativeClients', { representative: representativeId }));
    }
  }
}
