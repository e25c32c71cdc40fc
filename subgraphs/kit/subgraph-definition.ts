import { NonEmptyArray } from 'type-graphql';
import { Caller } from '../../platform/caller';
import { ForwardPurpose } from '../../platform/caller-header';
import { InternalClient } from '../../platform/internal-client';
import { ClientAccess, RepresentedClients } from './access/client-access';
import { Database, Queryable, Transaction } from './db/database';
import { Migration } from './db/migrations';
import { Language } from '../../platform/language/language';
import { ReadinessChecks } from '../../platform/http/operational-routes';
import { Logger } from '../../platform/observability/logger';

/** Clients for the subgraphs one subgraph asks, by name. */
export type Peers = Readonly<Record<string, InternalClient>>;

/** What every resolver receives: this request's store handle and its own DataLoaders. */
export interface SubgraphContext<Loaders> {
  db: Database;
  loaders: Loaders;
  /** Who is asking, as the gateway vouched for them. */
  caller: Caller;
  /** The gateway's id for the request this call is part of. */
  requestId: string;
  /** A caller's request, or the gateway's own write of the audit record. */
  purpose: ForwardPurpose;
  /** What the gateway signed this call for: a subgraph runs a mutation only for a caller's mutation. */
  signedFor: 'query' | 'mutation';
  /** The signature's single-use value, on the gateway's audit writes. */
  nonce?: string;
  /** On the gateway's audit writes, the digest of the requests whose records the signature covers (recordsDigest). */
  records?: string;
  /** The answer's language, as the gateway settled it; a field's own `language` argument overrides it. */
  language: Language;
  /** Row-level rules: whose files this caller may read. */
  access: ClientAccess;
  /** The subgraphs this one asks (its `asks` in supergraph.yaml), each called as this caller. */
  peers: Peers;
}

export interface SeedOptions {
  /** The fixed seed: the same seed and size always produce the same data. */
  seed: number;
  clients: number;
  /** Progress lines for long seeds; silent when omitted. */
  log?: (line: string) => void;
}

/** How an entity is found when the gateway hands this subgraph only its key. */
export type ReferenceResolver<Loaders> = (
  reference: Record<string, string>,
  context: SubgraphContext<Loaders>,
) => unknown;

/** Everything the kit needs to build, store, seed and serve one subgraph. */
export interface SubgraphDefinition<Loaders = unknown> {
  /** The name used in supergraph.yaml and as the folder under subgraphs/. */
  name: string;
  // type-graphql takes resolver classes as untyped constructors.
  resolvers: NonEmptyArray<Function>;
  /** Entity classes this subgraph extends but never returns from a resolver of its own. */
  orphanedTypes?: Function[];
  referenceResolvers: Record<string, ReferenceResolver<Loaders>>;
  migrations: readonly Migration[];
  createLoaders(db: Queryable): Loaders;
  /**
   * Whom a representative represents, for the row-level rules: from this subgraph's own store, or
   * asked of a peer. Without it, representatives read no file here.
   */
  representedClients?: (sources: { db: Queryable; peers: Peers }) => RepresentedClients;
  /** Readiness checks beyond "the store answers", e.g. that the audit trail can be written. */
  readiness?: (db: Queryable) => ReadinessChecks;
  /**
   * Work on the store repeated while the subgraph serves (the audit trail's monthly partitions):
   * run before the first request is taken, where a failure stops the start, then every
   * `everyMs`, where a failure is logged and tried again next time.
   */
  upkeep?: { everyMs: number; run(db: Database, logger: Logger): Promise<void> };
  /** Writes this subgraph's share of the deterministic seed population. */
  seed(tx: Transaction, options: SeedOptions): Promise<void>;
}
