import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { FetchNode, PlanNode, QueryPlanner, QueryPlanSelectionNode } from '@apollo/query-planner';
import { OperationTypeNode, parse } from 'graphql';
import { CALLER_HEADER } from '../../platform/caller-header';
import { post } from '../http-post';

type Json = Record<string, unknown>;
export type SignedCallerFor = (
  authorization: string,
  subgraph: string,
  operation: 'query' | 'mutation',
) => Promise<string>;

/**
 * The floor: the subgraph fetches a gateway makes for an operation, made straight from the
 * benchmark process with no gateway in between. The fetches come from Apollo's own query planner
 * over the same supergraph; between them this does only what any gateway must (pick the entity
 * representations, merge the answers), with no validation, authorization, audit or response shaping.
 */
export class DirectFloor {
  private readonly supergraph: Supergraph;
  private readonly planner: QueryPlanner;
  private readonly plans = new Map<string, PlanNode>();

  constructor(
    supergraphSdl: string,
    private readonly subgraphUrls: Record<string, string>,
    private readonly signedCaller: SignedCallerFor,
  ) {
    this.supergraph = Supergraph.build(supergraphSdl);
    this.planner = new QueryPlanner(this.supergraph);
  }

  /** Runs `query` as the caller `authorization` names; true when every fetch answered without errors. */
  async run(query: string, variables: Json, authorization: string): Promise<boolean> {
    const data: Json = {};
    const failures: string[] = [];
    await this.execute(this.planOf(query), data, variables, authorization, failures);
    return failures.length === 0;
  }

  private planOf(query: string): PlanNode {
    let plan = this.plans.get(query);
    if (!plan) {
      const operation = operationFromDocument(this.supergraph.apiSchema(), parse(query));
      const node = this.planner.buildQueryPlan(operation).node;
      if (!node || node.kind === 'Subscription') throw new Error('the floor runs queries and mutations only');
      this.plans.set(query, (plan = node));
    }
    return plan;
  }

  private async execute(
    node: PlanNode,
    data: Json,
    variables: Json,
    authorization: string,
    failures: string[],
  ) {
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await this.execute(child, data, variables, authorization, failures);
        return;
      case 'Parallel':
        await Promise.all(
          node.nodes.map((child) => this.execute(child, data, variables, authorization, failures)),
        );
        return;
      case 'Flatten':
        if (node.node.kind !== 'Fetch') throw new Error('the floor flattens fetches only');
        return this.fetch(node.node, entitiesAt(data, node.path), variables, authorization, failures);
      case 'Fetch':
        return this.fetch(node, [data], variables, authorization, failures);
      default:
        throw new Error(`the floor does not run ${node.kind} nodes`);
    }
  }

  private async fetch(
    fetch: FetchNode,
    targets: Json[],
    variables: Json,
    authorization: string,
    failures: string[],
  ) {
    const used = Object.fromEntries((fetch.variableUsages ?? []).map((name) => [name, variables[name]]));
    const representations = fetch.requires
      ? targets.map((target) => select(target, fetch.requires!))
      : undefined;
    if (representations?.length === 0) return;
    const { status, text } = await post(
      new URL(this.subgraphUrls[fetch.serviceName]),
      JSON.stringify({
        query: fetch.operation,
        operationName: fetch.operationName,
        variables: representations ? { ...used, representations } : used,
      }),
      {
        [CALLER_HEADER]: await this.signedCaller(
          authorization,
          fetch.serviceName,
          fetch.operationKind === OperationTypeNode.MUTATION ? 'mutation' : 'query',
        ),
      },
    );
    const answer = JSON.parse(text) as { data?: Json; errors?: unknown[] };
    if (status !== 200 || answer.errors?.length) failures.push(`${fetch.serviceName}: HTTP ${status}`);
    if (!answer.data) return;
    if (representations) {
      const entities = (answer.data._entities ?? []) as Json[];
      targets.forEach((target, index) => merge(target, entities[index]));
    } else merge(targets[0], answer.data);
  }
}

/** The objects at a plan path, where '@' steps into every element of a list. */
function entitiesAt(data: Json, path: readonly (string | number)[]): Json[] {
  let current: unknown[] = [data];
  for (const step of path) {
    current = current.flatMap((value) => {
      if (value === null || value === undefined) return [];
      if (step === '@') return Array.isArray(value) ? (value as unknown[]) : [];
      return [(value as Json)[step]];
    });
  }
  return current.flat(Infinity).filter((value): value is Json => value !== null && typeof value === 'object');
}

/** An entity's representation: the key and required fields the plan names. */
function select(source: Json, selections: readonly QueryPlanSelectionNode[]): Json {
  const picked: Json = {};
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      if (!selection.typeCondition || source.__typename === selection.typeCondition)
        Object.assign(picked, select(source, selection.selections));
    } else {
      const value = source[selection.alias ?? selection.name];
      picked[selection.name] =
        selection.selections && value !== null && typeof value === 'object'
          ? Array.isArray(value)
            ? value.map((item: Json) => select(item, selection.selections!))
            : select(value as Json, selection.selections)
          : value;
    }
  }
  return picked;
}

function merge(target: Json, source: unknown): void {
  if (source === null || typeof source !== 'object') return;
  for (const [key, value] of Object.entries(source as Json)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value))
      existing.forEach((item, index) => merge(item as Json, value[index]));
    else if (existing && typeof existing === 'object' && value && typeof value === 'object')
      merge(existing as Json, value);
    else target[key] = value;
  }
}
