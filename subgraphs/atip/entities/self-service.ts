import { Field, ObjectType } from 'type-graphql';
import { SelfServiceCategory, SelfServicePartKind, SelfServiceVerdict } from '../self-service/categories';
import { Text } from '../../../platform/language/catalogue';

@ObjectType({
  description: 'Something asked for that One Window shows now, the query that shows it, and what it says.',
})
export class SelfServiceAnswer {
  @Field(() => SelfServiceCategory)
  category!: SelfServiceCategory;

  @Field({ description: 'The One Window query that answers it, ready to run.' })
  query!: string;

  /** What the answer says in a line: a field of its own, written in the language asked for. */
  headline?: Text | null;
}

@ObjectType({
  description: "One part of a request, in the requester's words, and what One Window makes of it.",
})
export class SelfServicePart {
  @Field()
  text!: string;

  @Field(() => SelfServicePartKind, {
    description: 'What this part is: a request, mere circumstance, or not understood.',
  })
  kind!: SelfServicePartKind;

  @Field(() => [String], { description: 'Words of this part that nothing explains.' })
  unexplained!: string[];

  @Field(() => [SelfServiceCategory], { description: 'What this part asks for.' })
  categories!: SelfServiceCategory[];

  @Field(() => [SelfServiceCategory], {
    description: 'What this part says it does not want ("not the notes").',
  })
  declined!: SelfServiceCategory[];

  @Field(() => [SelfServiceAnswer])
  availableNow!: SelfServiceAnswer[];

  @Field(() => [SelfServiceCategory], { description: 'What only a formal request can give.' })
  needsRequest!: SelfServiceCategory[];
}

@ObjectType({
  description:
    'What of a request One Window answers now, part by part, and what would still need a formal request.',
})
export class SelfService {
  @Field({
    description: "Asked by the client or their authorized representative, about the client's own file.",
  })
  aboutOwnFile!: boolean;

  @Field(() => SelfServiceVerdict, {
    description: 'Covered whole, needs a formal request, or uncertain (never covered).',
  })
  verdict!: SelfServiceVerdict;

  @Field(() => [String], {
    description: 'The words that made the answer uncertain, as read (lower case, without accents).',
  })
  notUnderstood!: string[];

  @Field(() => [SelfServicePart])
  parts!: SelfServicePart[];

  @Field(() => [SelfServiceAnswer])
  availableNow!: SelfServiceAnswer[];

  @Field(() => [SelfServiceCategory], {
    description: 'Everything asked for that only a formal request can give.',
  })
  stillNeedsRequest!: SelfServiceCategory[];

  @Field({
    description:
      'The verdict is COVERED: every part is understood and asks only for what One Window shows this requester.',
  })
  coversWholeRequest!: boolean;
}
