import { Arg, Ctx, FieldResolver, registerEnumType, Resolver, Root } from 'type-graphql';
import { Text } from '../../platform/language/catalogue';
import { Language } from '../../platform/language/language';

/** Canada's official languages, as the schema names them. */
export enum OfficialLanguage {
  EN = 'EN',
  FR = 'FR',
}

registerEnumType(OfficialLanguage, {
  name: 'OfficialLanguage',
  description: 'English or French: every text One Window writes exists in both.',
});

/**
 * The `language` argument of every field that returns a text: it overrides, for that field, the
 * language the answer is written in (see `extensions.language`).
 */
export function LanguageArg(): ReturnType<typeof Arg> {
  return Arg('language', () => OfficialLanguage, {
    nullable: true,
    description: 'The language of this text; by default the language of the answer (`extensions.language`).',
  });
}

/** A text in the field's own language if one was asked for, else in the answer's. */
export function inLanguage(
  text: Text,
  asked: OfficialLanguage | null | undefined,
  context: { language: Language },
): string {
  return text.render(asked ?? context.language);
}

/**
 * The resolver of a field that returns a text: the entity holds the text (not yet in a language)
 * under `field`, and the field writes it in the language asked for, else the answer's.
 */
export function textField<Entity extends object>(
  type: new () => Entity,
  field: keyof Entity & string,
  description: string,
  options: {
    /** Null where the entity holds no text. */
    nullable?: boolean;
    /** How a stored value (a citation, say) becomes a text; the entity holds the text itself when omitted. */
    asText?: (value: string) => Text;
  } = {},
): Function {
  const { nullable = false, asText } = options;
  class TextFieldResolver {}
  // The method is named after the field: type-graphql matches a field resolver to its field by method name.
  const resolve = (entity: Entity, language: OfficialLanguage | null, context: { language: Language }) => {
    const value = entity[field] as Text | string | null | undefined;
    if (value === null || value === undefined) return null;
    return inLanguage(
      typeof value === 'string' && asText ? asText(value) : (value as Text),
      language,
      context,
    );
  };
  const prototype = TextFieldResolver.prototype as Record<string, unknown>;
  prototype[field] = resolve;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, field)!;
  FieldResolver(() => String, { description, nullable })(prototype, field, descriptor);
  Root()(prototype, field, 0);
  LanguageArg()(prototype, field, 1);
  Ctx()(prototype, field, 2);
  Resolver(() => type)(TextFieldResolver);
  return TextFieldResolver;
}
