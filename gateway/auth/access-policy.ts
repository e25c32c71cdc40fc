import {
  ConstDirectiveNode,
  getNamedType,
  GraphQLSchema,
  isInterfaceType,
  Kind,
  parse,
  valueFromASTUntyped,
} from 'graphql';
import { Caller } from '../../platform/caller';
import { Text } from '../../platform/language/catalogue';
import { gatewayMessages } from '../messages/catalogue';

/** One `@authenticated` or `@requiresScopes` as composed into the supergraph. */
interface Requirement {
  authenticated: boolean;
  /** Any one of these sets of scopes will do; within a set, every scope is needed. */
  scopeSets: string[][];
}

/**
 * What a caller lacks to read a field: any one of these sets of scopes, or, when there is none, to
 * be signed in. Plain data, so that cached analyses (copied as JSON) keep it; `needText` says it.
 */
export type Need = readonly (readonly string[])[];

/**
 * The access rules the subgraphs declared, read from the supergraph: what each type and field
 * asks of a caller. A field is readable when its own rules, and those of the type it returns,
 * are met; an interface field also needs what each implementation's field asks, so that
 * querying through the interface opens nothing the concrete type keeps closed.
 */
export class AccessPolicy {
  /** Every scope a rule names: no other scope changes what a caller may read. */
  private readonly scopes: ReadonlySet<string>;

  private constructor(
    private readonly onTypes: Map<string, Requirement[]>,
    private readonly onFields: Map<string, Requirement[]>,
  ) {
    this.scopes = new Set(
      [...onTypes.values(), ...onFields.values()]
        .flat()
        .flatMap((requirement) => requirement.scopeSets.flat()),
    );
  }

  /**
   * What decides a caller's access to fields: signed in or not, and the scopes the rules name.
   * Callers with the same key see the same schema; scopes no rule names are left out, so a token
   * carrying invented scopes cannot make a key (and a cached schema or analysis) of its own.
   */
  accessKey(caller: Caller): string {
    const scopes = [...new Set(caller.scopes.filter((scope) => this.scopes.has(scope)))].sort();
    return `${caller.role === 'anonymous' ? 'anonymous' : 'signed-in'}:${scopes.join(' ')}`;
  }

  static fromSupergraph(supergraphSdl: string): AccessPolicy {
    const onTypes = new Map<string, Requirement[]>();
    const onFields = new Map<string, Requirement[]>();
    const add = (
      map: Map<string, Requirement[]>,
      key: string,
      directives: readonly ConstDirectiveNode[] | undefined,
    ) => {
      for (const requirement of (directives ?? [])
        .map(toRequirement)
        .filter((r): r is Requirement => r !== null)) {
        map.set(key, [...(map.get(key) ?? []), requirement]);
      }
    };
    for (const definition of parse(supergraphSdl).definitions) {
      if (
        definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
        definition.kind === Kind.INTERFACE_TYPE_DEFINITION ||
        definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
        definition.kind === Kind.INTERFACE_TYPE_EXTENSION
      ) {
        add(onTypes, definition.name.value, definition.directives);
        for (const field of definition.fields ?? [])
          add(onFields, `${definition.name.value}.${field.name.value}`, field.directives);
      }
    }
    return new AccessPolicy(onTypes, onFields);
  }

  /** The rules `caller` fails for this field; empty when it may read it. */
  unmet(caller: Caller, schema: GraphQLSchema, typeName: string, fieldName: string): Need[] {
    const type = schema.getType(typeName);
    const field = type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
    const returned = field ? getNamedType(field.type).name : undefined;
    const owners =
      type && isInterfaceType(type)
        ? [typeName, ...schema.getPossibleTypes(type).map((t) => t.name)]
        : [typeName];
    const requirements = [
      ...owners.flatMap((owner) => this.onFields.get(`${owner}.${fieldName}`) ?? []),
      ...(returned ? (this.onTypes.get(returned) ?? []) : []),
    ];
    const needs = new Map(
      requirements
        .filter((r) => !satisfies(caller, r))
        .map((r) => [JSON.stringify(r.scopeSets), r.scopeSets]),
    );
    return [...needs.values()];
  }
}

function toRequirement(directive: ConstDirectiveNode): Requirement | null {
  if (directive.name.value === 'authenticated') return { authenticated: true, scopeSets: [] };
  if (directive.name.value !== 'requiresScopes') return null;
  const argument = directive.arguments?.find((a) => a.name.value === 'scopes');
  return {
    authenticated: true,
    scopeSets: argument ? (valueFromASTUntyped(argument.value) as string[][]) : [],
  };
}

function satisfies(caller: Caller, requirement: Requirement): boolean {
  if (requirement.authenticated && caller.role === 'anonymous') return false;
  return (
    requirement.scopeSets.length === 0 ||
    requirement.scopeSets.some((set) => set.every((scope) => caller.scopes.includes(scope)))
  );
}

/** A need in words: "a signed-in caller", "scope case:read", "scope a + b or scope c". */
export function needText(need: Need): Text {
  if (need.length === 0) return gatewayMessages.text('need.signedIn');
  return need
    .map((set) =>
      gatewayMessages.text(set.length === 1 ? 'need.scope' : 'need.scopes', {
        scopes: { render: (language) => set.join(language === 'EN' ? ' + ' : '` et `') },
      }),
    )
    .reduce((either, or) => gatewayMessages.text('need.either', { either, or }));
}
