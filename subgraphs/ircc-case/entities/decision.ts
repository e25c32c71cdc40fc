import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { DecisionOutcome } from './enums';
import { RequiresScopes, Scope } from '../../kit/access/directives';
import { Text } from '../../../platform/language/catalogue';

@ObjectType({
  description: 'One reason for a refusal, with the provision cited and what it means in plain language.',
})
export class RefusalGround {
  /** Each a field of its own, written in the language asked for. */
  provision!: Text;
  summary!: Text;
  explanation!: Text;
}

@ObjectType({ description: 'The outcome of a closed application.' })
export class Decision {
  applicationNumber!: string;

  @Field(() => DecisionOutcome)
  outcome!: DecisionOutcome;

  @Field(() => LocalDateResolver)
  decidedOn!: string;

  @RequiresScopes(Scope.CASE_NOTES)
  @Field(() => [RefusalGround], { description: 'Empty unless the application was refused.' })
  grounds!: RefusalGround[];

  @RequiresScopes(Scope.CASE_NOTES)
  @Field(() => String, {
    nullable: true,
    description: 'The officer\'s decision notes (the record people request as "GCMS notes").',
  })
  officerNotes!: string | null;
}
