import { filterSchema, pruneSchema } from '@graphql-tools/utils';
import { getNamedType, GraphQLSchema, isObjectType } from 'graphql';
import { Caller } from '../../platform/caller';
import { BoundedCache, stringBytes } from '../../platform/bounded-cache';
import { AccessPolicy } from './access-policy';
import { Language } from '../../platform/language/language';
import { describedIn, SchemaDescriptions } from '../../platform/language/schema-descriptions';

/**
 * The part of the schema a caller may read, for introspection: a partner exploring in Sandbox
 * sees exactly its agreement, an anonymous caller only the public part, each described in the
 * answer's language. One schema per distinct set of scopes and language, built on first use.
 */
export class ScopedSchemas {
  /**
   * Keyed by the scopes the rules name (a finite set) and language: room for every set of the
   * seven scopes in both languages, each schema no larger than the API schema.
   */
  private readonly cache = new BoundedCache<GraphQLSchema>(
    { maxEntries: 256, maxBytes: Number.MAX_SAFE_INTEGER },
    (key) => stringBytes(key),
  );

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly policy: AccessPolicy,
    /** The schema's descriptions in French, by coordinate; English is the schema's own. */
    private readonly french: SchemaDescriptions = {},
  ) {}

  for(caller: Caller, language: Language = 'EN'): GraphQLSchema {
    const key = `${this.policy.accessKey(caller)} ${language}`;
    let scoped = this.cache.get(key);
    if (!scoped) {
      // French is the English schema described anew: the scopes are applied once.
      scoped = language === 'FR' ? describedIn(this.for(caller, 'EN'), this.french) : this.build(caller);
      this.cache.set(key, scoped);
    }
    return scoped;
  }

  private build(caller: Caller): GraphQLSchema {
    const readable = (typeName: string, fieldName: string) =>
      this.policy.unmet(caller, this.schema, typeName, fieldName).length === 0;
    // Removing fields can empty a type; then the fields returning it go too, until nothing changes.
    for (let emptied = new Set<string>(); ;) {
      const keep = (typeName: string, fieldName: string, returned: string) =>
        readable(typeName, fieldName) && !emptied.has(returned);
      const scoped = pruneSchema(
        filterSchema({
          schema: this.schema,
          rootFieldFilter: (operation, name, config) => keep(operation, name, getNamedType(config.type).name),
          objectFieldFilter: (type, name, config) => keep(type, name, getNamedType(config.type).name),
          interfaceFieldFilter: (type, name, config) => keep(type, name, getNamedType(config.type).name),
        }),
      );
      const empty = Object.values(scoped.getTypeMap()).filter(
        (t) => isObjectType(t) && !t.name.startsWith('__') && Object.keys(t.getFields()).length === 0,
      );
      if (empty.length === 0) return scoped;
      emptied = new Set([...emptied, ...empty.map((t) => t.name)]);
    }
  }
}
