import { createHash } from 'node:crypto';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getVariableValues,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  OperationTypeNode,
  print,
} from 'graphql';
import { Caller } from '../../platform/caller';
import { requestError } from '../../platform/errors';
import { AccessPolicy } from '../auth/access-policy';
import { ScopedSchemas } from '../auth/scoped-schema';
import { OperationLimits } from '../../platform/operation-limits';
import { AuthorizedOperation, authorizeOperation } from './authorize';
import { measureOperation, Measures, WorkCounter } from './measure';
import { PageLimits, pageSizesFromSupergraph } from './page-sizes';
import { gatewayMessages } from '../messages/catalogue';
import { graphQLJsText } from '../messages/graphql-js-messages';
import { SchemaDescriptions } from '../../platform/language/schema-descriptions';
import { BoundedCache, digestKey, stringBytes } from '../../platform/bounded-cache';
import { withoutLocations } from '../../platform/apollo-caches';

/** Everything the gateway needs to know about one operation for one caller. */
export interface OperationAnalysis extends AuthorizedOperation {
  measures: Measures;
  /** A query reads; a mutation may write, and only its forwarded caller lets a subgraph do so. */
  operationType: 'query' | 'mutation';
  /** The request's variables as the subgraphs will see them: coerced, with defaults filled in. */
  variables: Record<string, unknown>;
  /** SHA-256 of the operation as run: what the audit records, and the query-plan cache key of a cut-down operation. */
  executedHash: string;
}

export interface AnalysisRequest {
  /** SHA-256 of the query text, as Apollo Server computed it. */
  queryHash: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  caller: Caller;
}

interface CachedAnalysis {
  authorized: AuthorizedOperation;
  /** What `authorized` keeps, estimated. */
  bytes: number;
  executedHash: string;
  /** Measures by the values of the variables that set page sizes, the only input the cost depends on. */
  measures: Map<string, Measures>;
  pageVariables: string[] | null;
}

/** Distinct (document, operation, scope set) entries kept, and their bytes; beyond either the least recently used goes. */
const CACHE_BUDGET = { maxEntries: 2000, maxBytes: 16 * 1024 * 1024 };
/** What one set of measures keeps, at most. */
const MEASURES_BYTES = 512;
/** Costs kept per entry, by page-size variable values: a caller varying them cannot grow the cache without bound. */
const COSTS_PER_ENTRY = 16;

/**
 * The one analysis of each operation: caps and cost (measure.ts), then scope removals, audit
 * paths and introspection (authorize.ts), both linear in the document. Results are cached per
 * (document hash, operation name, scope set) and the cost per page-size variable values, so a
 * repeated operation costs a map lookup. One analyzer per supergraph: a reload starts afresh.
 */
export class OperationAnalyzer {
  readonly policy: AccessPolicy;
  readonly scopedSchemas: ScopedSchemas;
  private readonly pageSizes: Map<string, PageLimits>;
  private readonly cache = new BoundedCache<CachedAnalysis>(
    CACHE_BUDGET,
    (key, entry) => stringBytes(key) + entry.bytes + COSTS_PER_ENTRY * MEASURES_BYTES,
  );

  constructor(
    private readonly schema: GraphQLSchema,
    supergraphSdl: string,
    private readonly limits: OperationLimits,
    frenchDescriptions: SchemaDescriptions = {},
  ) {
    this.policy = AccessPolicy.fromSupergraph(supergraphSdl);
    this.scopedSchemas = new ScopedSchemas(schema, this.policy, frenchDescriptions);
    this.pageSizes = pageSizesFromSupergraph(supergraphSdl);
  }

  analyze(request: AnalysisRequest, counter: WorkCounter = { visits: 0 }): OperationAnalysis {
    if (!this.schema.getRootType(request.operation.operation)) {
      throw requestError(
        'GRAPHQL_VALIDATION_FAILED',
        gatewayMessages.text('operation.typeMissing', { operationType: request.operation.operation }),
      );
    }
    // A digest: the name is the caller's, of any length.
    const key = digestKey(
      `${request.queryHash}\u0000${request.operation.name?.value ?? ''}\u0000${this.policy.accessKey(request.caller)}`,
    );
    const variables = this.coerceVariables(request);
    const fragments = fragmentsOf(request.document);
    let entry = this.cache.get(key);
    const costKey = entry?.pageVariables
      ? JSON.stringify(entry.pageVariables.map((name) => variables[name] ?? null))
      : null;
    let measures = costKey === null ? undefined : entry!.measures.get(costKey);
    if (!measures) {
      measures = measureOperation(
        this.schema,
        this.pageSizes,
        request.operation,
        fragments,
        variables,
        this.limits,
        counter,
      );
    }
    if (!entry) {
      const authorized = authorizeOperation(
        this.schema,
        this.policy,
        request.caller,
        request.operation,
        fragments,
        counter,
      );
      // Kept without locations, which would pin the whole request text (comments, padding).
      const kept = withoutLocations(authorized);
      entry = {
        authorized: kept.value,
        bytes: kept.bytes,
        executedHash: sha256(print(authorized.document)),
        measures: new Map(),
        pageVariables: measures.pageVariables,
      };
      this.cache.set(key, entry);
    }
    const measuredKey = JSON.stringify(measures.pageVariables.map((name) => variables[name] ?? null));
    if (!entry.measures.has(measuredKey) && entry.measures.size >= COSTS_PER_ENTRY) {
      entry.measures.delete(entry.measures.keys().next().value!);
    }
    entry.measures.set(measuredKey, measures);
    const operationType = request.operation.operation === OperationTypeNode.MUTATION ? 'mutation' : 'query';
    return { ...entry.authorized, measures, variables, operationType, executedHash: entry.executedHash };
  }

  /** The variables as the subgraphs will see them: coerced, with defaults filled in. */
  private coerceVariables({ operation, variables }: AnalysisRequest): Record<string, unknown> {
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables ?? {}, {
      maxErrors: 1,
    });
    if (coerced.errors) {
      throw requestError('BAD_USER_INPUT', graphQLJsText(coerced.errors[0].message));
    }
    return coerced.coerced;
  }
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
