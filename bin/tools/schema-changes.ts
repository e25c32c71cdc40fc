import { Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildASTSchema,
  getNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  parse,
  validate,
} from 'graphql';

export type Verdict = 'breaking' | 'dangerous' | 'safe';

/** One change between the released schema and this one, as a schema check reports it. */
export interface ClassifiedChange {
  /** Which schema: `api` (what clients query) or a subgraph's name. */
  schema: string;
  verdict: Verdict;
  message: string;
  path?: string;
  /** For a breaking change: why it may ship (a removal announced by a due deprecation), or why not. */
  ruling?: { allowed: boolean; why: string };
}

/** A registered operation document: a portal's or a partner's. */
export interface RegisteredDocument {
  path: string;
  text: string;
}

const VERDICTS: Record<CriticalityLevel, Verdict> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/** A schema from its SDL, a subgraph's federation directives included without their definitions. */
export function schemaFromSdl(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

/** The removal date a deprecation reason announces: "… removed on or after 2027-03-31." */
const REMOVAL_DATE = /\bremoved on or after (\d{4}-\d{2}-\d{2})\b/i;

/** The least notice a removal gives: from the first release that announced it to its date. */
export const MIN_NOTICE_DAYS = 90;

/** When a released deprecation was first released, by `Type.field[.argument]`; from schema/released/deprecations.json. */
export type DeprecatedSince = (path: string) => string | undefined;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Whether a released deprecation announces a removal that is now due: its reason says "removed on
 * or after" a date, that date gives at least MIN_NOTICE_DAYS from the release that first carried
 * it, and it has come. Callers were told what to use instead, and in time.
 */
function removalDue(
  reason: string | null | undefined,
  since: string | undefined,
  today: string,
): { due: boolean; why: string } {
  if (reason === null || reason === undefined)
    return { due: false, why: 'it was not deprecated in the released schema' };
  const date = REMOVAL_DATE.exec(reason)?.[1];
  if (!date)
    return { due: false, why: `its deprecation does not say "removed on or after YYYY-MM-DD": "${reason}"` };
  if (!since) return { due: false, why: 'no release records when its deprecation was first released' };
  if (date < addDays(since, MIN_NOTICE_DAYS))
    return {
      due: false,
      why: `released on ${since}, its removal date ${date} gives less than ${MIN_NOTICE_DAYS} days' notice`,
    };
  return date <= today
    ? { due: true, why: `deprecated since ${since} for removal on ${date}: "${reason}"` }
    : { due: false, why: `deprecated for removal on ${date}, which has not come` };
}

/** The deprecation reason the released schema gave the element a removal names (field, argument, input field, enum value). */
function releasedDeprecation(released: GraphQLSchema, path: string): string | null | undefined {
  const [typeName, member, argument] = path.split('.');
  const type = released.getType(typeName);
  if (!type || !member) return undefined;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason;
  if (isInputObjectType(type)) return type.getFields()[member]?.deprecationReason;
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    if (!field) return undefined;
    return argument === undefined
      ? field.deprecationReason
      : field.args.find((arg) => arg.name === argument)?.deprecationReason;
  }
  return undefined;
}

/** Every deprecated field, argument, input field and enum value of a schema, by `Type.field[.argument]`. */
export function deprecatedPaths(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => {
      if (isEnumType(type))
        return type
          .getValues()
          .filter((value) => value.deprecationReason != null)
          .map((value) => `${type.name}.${value.name}`);
      if (isInputObjectType(type))
        return Object.values(type.getFields())
          .filter((field) => field.deprecationReason != null)
          .map((field) => `${type.name}.${field.name}`);
      if (!isObjectType(type) && !isInterfaceType(type)) return [];
      return Object.values(type.getFields()).flatMap((field) => [
        ...(field.deprecationReason != null ? [`${type.name}.${field.name}`] : []),
        ...field.args
          .filter((arg) => arg.deprecationReason != null)
          .map((arg) => `${type.name}.${field.name}.${arg.name}`),
      ]);
    });
}

/** Every released field, argument and input field whose type is `typeName`, with its deprecation. */
function referencesTo(released: GraphQLSchema, typeName: string): { path: string; reason?: string | null }[] {
  return Object.values(released.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => {
      if (isInputObjectType(type))
        return Object.values(type.getFields()).map((field) => ({
          path: `${type.name}.${field.name}`,
          field,
        }));
      if (!isObjectType(type) && !isInterfaceType(type)) return [];
      return Object.values(type.getFields()).flatMap((field) => [
        { path: `${type.name}.${field.name}`, field },
        ...field.args.map((arg) => ({ path: `${type.name}.${field.name}.${arg.name}`, field: arg })),
      ]);
    })
    .filter(({ field }) => getNamedType(field.type).name === typeName)
    .map(({ path, field }) => ({ path, reason: field.deprecationReason }));
}

/** A type may go once all that reached it in the released schema was deprecated for removal by now: it leaves with them. */
function typeRemovalDue(
  released: GraphQLSchema,
  typeName: string,
  since: DeprecatedSince,
  today: string,
): { due: boolean; why: string } {
  const references = referencesTo(released, typeName);
  if (references.length === 0)
    return { due: false, why: 'nothing released reached it, so no deprecation could announce its removal' };
  const notDue = references.find(
    (reference) => !removalDue(reference.reason, since(reference.path), today).due,
  );
  return notDue
    ? { due: false, why: `${notDue.path} still reaches it without a due deprecation` }
    : {
        due: true,
        why: `all that reached it (${references.map((reference) => reference.path).join(', ')}) was deprecated for removal by now`,
      };
}

/** Directives that decide who may read a field: adding one, or changing its arguments, shuts callers out. */
const ACCESS_DIRECTIVES = new Set(['authenticated', 'requiresScopes', 'policy', 'inaccessible']);

interface DirectiveMeta {
  addedDirectiveName?: string;
  addedToNewType?: boolean;
  directiveName?: string;
  addedArgumentName?: string;
  addedArgumentValue?: string;
  oldArgumentValue?: string;
}

/**
 * What GraphQL Inspector rates dangerous or safe in a subgraph's SDL but breaks its callers: a
 * field closed to more of them (an access directive added, its scopes changed), or a page size
 * whose largest allowed value went down.
 */
function tightensAccess(change: Change): string | undefined {
  const kind = String(change.type);
  const meta = (change.meta ?? {}) as DirectiveMeta;
  if (kind.startsWith('DIRECTIVE_USAGE_') && kind.endsWith('_ADDED') && meta.addedDirectiveName !== undefined)
    return ACCESS_DIRECTIVES.has(meta.addedDirectiveName) && !meta.addedToNewType
      ? `@${meta.addedDirectiveName} closes what callers could read`
      : undefined;
  if (!kind.startsWith('DIRECTIVE_USAGE_ARGUMENT_') || meta.directiveName === undefined) return undefined;
  if (ACCESS_DIRECTIVES.has(meta.directiveName))
    return `@${meta.directiveName}'s arguments change who may read it`;
  const lowered =
    meta.directiveName === 'pageSize' &&
    meta.addedArgumentName === 'max' &&
    Number(meta.addedArgumentValue) < Number(meta.oldArgumentValue);
  return lowered
    ? `@pageSize's largest page went down from ${meta.oldArgumentValue} to ${meta.addedArgumentValue}`
    : undefined;
}

/** Removals a due deprecation may announce; any other breaking change needs a new field instead. */
const ANNOUNCEABLE = new Set([
  'FIELD_REMOVED',
  'FIELD_ARGUMENT_REMOVED',
  'INPUT_FIELD_REMOVED',
  'ENUM_VALUE_REMOVED',
  'TYPE_REMOVED',
]);

function rule(
  change: Change,
  released: GraphQLSchema,
  since: DeprecatedSince,
  today: string,
): { allowed: boolean; why: string } {
  const kind = String(change.type);
  if (!ANNOUNCEABLE.has(kind) || !change.path)
    return {
      allowed: false,
      why: 'a breaking change of this kind is never announced by a deprecation: add a new field or argument instead',
    };
  const { due, why } =
    kind === 'TYPE_REMOVED'
      ? typeRemovalDue(released, change.path, since, today)
      : removalDue(releasedDeprecation(released, change.path), since(change.path), today);
  return { allowed: due, why };
}

/**
 * Every change from `released` to `current`, classified by GraphQL Inspector as breaking,
 * dangerous or safe; each breaking one ruled allowed only when it removes what the released schema
 * had deprecated, with due notice, for a removal date that has come (`today`, YYYY-MM-DD).
 */
export async function classifyChanges(
  schema: string,
  released: GraphQLSchema,
  current: GraphQLSchema,
  since: DeprecatedSince,
  today: string,
): Promise<ClassifiedChange[]> {
  const changes = await diff(released, current);
  return changes.map((change) => {
    const tightened = tightensAccess(change);
    const verdict = tightened ? 'breaking' : VERDICTS[change.criticality.level];
    const ruling = tightened
      ? { allowed: false, why: `${tightened}: open a new field instead` }
      : verdict === 'breaking'
        ? rule(change, released, since, today)
        : undefined;
    return {
      schema,
      verdict,
      message: change.message,
      ...(change.path ? { path: change.path } : {}),
      ...(ruling ? { ruling } : {}),
    };
  });
}

/** Each registered document's validation errors against `schema`: what a change would break for its client. */
export function documentErrors(
  schema: GraphQLSchema,
  documents: readonly RegisteredDocument[],
): { path: string; message: string }[] {
  return documents.flatMap((document) => {
    try {
      return validate(schema, parse(document.text)).map((error) => ({
        path: document.path,
        message: error.message,
      }));
    } catch (error) {
      return [{ path: document.path, message: (error as Error).message }];
    }
  });
}
