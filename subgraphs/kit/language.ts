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
  @Resolver(() => type)
  class TextFieldResolver {
    @FieldResolver(() => String, { name: field, description, nullable })
    text(
      @Root() entity: Entity,
      @LanguageArg() language: OfficialLanguage | null,
      @Ctx() context: { language: Language },
    ): string | null {
      const value = entity[field] as Text | string | null | undefined;
      if (value === null || value === undefined) return null;
      return inLanguage(
        typeof value === 'string' && asText ? asText(value) : (value as Text),
        language,
        context,
      );
    }
  }
  return TextFieldResolver;
}
