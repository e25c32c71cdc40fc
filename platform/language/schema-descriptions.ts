import {
  DocumentNode,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLUnionType,
  Kind,
} from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Schema descriptions are what a person reads in Sandbox. The English ones are written where the
 * types are (type-graphql classes); each subgraph keeps their French in `messages/schema.fr.json`,
 * keyed by schema coordinate (`Type`, `Type.field`, `Type.field(argument:)`, `Enum.VALUE`), and the
 * gateway shows a French-speaking caller the schema described in French.
 */
export type SchemaDescriptions = Readonly<Record<string, string>>;

/** Where the supergraph's French descriptions are written beside it: schema/supergraph.fr.json. */
export function frenchDescriptionsFile(supergraphFile: string): string {
  return supergraphFile.replace(/\.graphql$/, '.fr.json');
}

/** The French descriptions beside a supergraph file; none (English throughout) when there is no such file. */
export function readFrenchDescriptions(supergraphFile: string): SchemaDescriptions {
  const file = frenchDescriptionsFile(supergraphFile);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SchemaDescriptions) : {};
}

/** Every coordinate an SDL document describes, with its description. */
export function describedCoordinates(document: DocumentNode): Map<string, string> {
  const described = new Map<string, string>();
  const note = (coordinate: string, description: { value: string } | undefined) => {
    if (description) described.set(coordinate, description.value);
  };
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION: {
        const type = definition.name.value;
        if ('description' in definition) note(type, definition.description);
        for (const field of definition.fields ?? []) {
          note(`${type}.${field.name.value}`, field.description);
          for (const argument of 'arguments' in field ? (field.arguments ?? []) : []) {
            note(`${type}.${field.name.value}(${argument.name.value}:)`, argument.description);
          }
        }
        break;
      }
      case Kind.ENUM_TYPE_DEFINITION:
        note(definition.name.value, definition.description);
        for (const value of definition.values ?? []) {
          note(`${definition.name.value}.${value.name.value}`, value.description);
        }
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.UNION_TYPE_DEFINITION:
        note(definition.name.value, definition.description);
        break;
      default:
        break;
    }
  }
  return described;
}

/** The same schema, with the descriptions given here in place of its own (the rest kept as they are). */
export function describedIn(schema: GraphQLSchema, descriptions: SchemaDescriptions): GraphQLSchema {
  const of = (coordinate: string, own: string | null | undefined) => descriptions[coordinate] ?? own;
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) =>
      new GraphQLObjectType({ ...type.toConfig(), description: of(type.name, type.description) }),
    [MapperKind.INTERFACE_TYPE]: (type) =>
      new GraphQLInterfaceType({ ...type.toConfig(), description: of(type.name, type.description) }),
    [MapperKind.UNION_TYPE]: (type) =>
      new GraphQLUnionType({ ...type.toConfig(), description: of(type.name, type.description) }),
    [MapperKind.INPUT_OBJECT_TYPE]: (type) =>
      new GraphQLInputObjectType({ ...type.toConfig(), description: of(type.name, type.description) }),
    [MapperKind.SCALAR_TYPE]: (type) =>
      new GraphQLScalarType({ ...type.toConfig(), description: of(type.name, type.description) }),
    [MapperKind.ENUM_TYPE]: (type) => {
      const config = type.toConfig();
      const values = Object.fromEntries(
        Object.entries(config.values).map(([name, value]) => [
          name,
          { ...value, description: of(`${type.name}.${name}`, value.description) },
        ]),
      );
      return new GraphQLEnumType({ ...config, values, description: of(type.name, type.description) });
    },
    [MapperKind.COMPOSITE_FIELD]: (field, fieldName, typeName) => ({
      ...field,
      description: of(`${typeName}.${fieldName}`, field.description),
      args: Object.fromEntries(
        Object.entries(field.args ?? {}).map(([name, argument]) => [
          name,
          { ...argument, description: of(`${typeName}.${fieldName}(${name}:)`, argument.description) },
        ]),
      ),
    }),
    [MapperKind.INPUT_OBJECT_FIELD]: (field, fieldName, typeName) => ({
      ...field,
      description: of(`${typeName}.${fieldName}`, field.description),
    }),
  });
}
