import { ClassType, Directive, Field, ObjectType } from 'type-graphql';
import { badUserInput } from '../../platform/errors';
import { kitMessages } from './messages/catalogue';

/** How many rows a page holds when `first` is omitted, and at most. */
export interface PageLimits {
  default: number;
  max: number;
}

/**
 * Declares a paged field's limits in the schema (`@pageSize`), where the gateway reads them to
 * cost a query by the pages it will really fetch and to refuse a bad `first` before anything
 * runs. The resolver passes the same limits to `toPage`, so both sides agree.
 */
export const PageSize = (limits: PageLimits) =>
  Directive(`@pageSize(default: ${limits.default}, max: ${limits.max})`);

/** A decoded request for one page: how many rows, after how many rows. */
export interface Page {
  first: number;
  offset: number;
}

@Directive('@shareable')
@ObjectType({ description: 'Where this page sits in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
}

/** Builds `<Node>Connection` and `<Node>Edge` object types for a node class. */
export function Connection<Node extends object>(NodeClass: ClassType<Node>) {
  @ObjectType(`${NodeClass.name}Edge`)
  class Edge {
    @Field({ description: 'Opaque; pass it as `after` to read on from here.' })
    cursor!: string;

    @Field(() => NodeClass)
    node!: Node;
  }

  @ObjectType()
  abstract class ConnectionType implements ConnectionShape<Node> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

const CURSOR_PREFIX = 'position:';

export function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const position = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isInteger(position) || position < 0) {
    throw badUserInput(kitMessages.text('page.cursor', { cursor }), 'after');
  }
  return position;
}

/** Validates `first`/`after` against the list's own limits. */
export function toPage(
  first: number | null | undefined,
  after: string | null | undefined,
  limits: PageLimits,
): Page {
  const size = first ?? limits.default;
  if (!Number.isInteger(size) || size < 1 || size > limits.max) {
    throw badUserInput(kitMessages.text('page.size', { max: limits.max, size: String(size) }), 'first');
  }
  return { first: size, offset: after ? decodeCursor(after) : 0 };
}

/**
 * Turns rows fetched with one row to spare (`first + 1`) into a connection; the spare row
 * only tells whether another page exists.
 */
export function toConnection<Node>(rows: readonly Node[], page: Page): ConnectionShape<Node> {
  const edges = rows
    .slice(0, page.first)
    .map((node, index) => ({ cursor: encodeCursor(page.offset + index + 1), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
