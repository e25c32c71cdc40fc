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
 * The resolver of a field that returns a text: the entity holds the text (not yet in a language)
 * under `field`, and the field writes it in the language its `language` argument asks for, else
 * in the answer's (`extensions.language`).
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
  const resolve = (entity: Entity, asked: OfficialLanguage | null, context: { language: Language }) => {
    const value = entity[field] as Text | string | null | undefined;
    if (value === null || value === undefined) return null;
    const text = typeof value === 'string' && asText ? asText(value) : (value as Text);
    return text.render(asked ?? context.language);
  };
  const prototype = TextFieldResolver.prototype as Record<string, unknown>;
  prototype[field] = resolve;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, field)!;
  FieldResolver(() => String, { description, nullable })(prototype, field, descriptor);
  Root()(prototype, field, 0);
  Arg('language', () => OfficialLanguage, {
    nullable: true,
    description: 'The language of this text; by default the language of the answer (`extensions.language`).',
  })(prototype, field, 1);
  Ctx()(prototype, field, 2);
  Resolver(() => type)(TextFieldResolver);
  return TextFieldResolver;
}
