import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { DecisionOutcome } from './enums';
import { RequiresScopes, Scope } from '../../kit/access/directives';

@ObjectType({
  description: 'One reason for a refusal, with the provision cited and what it means in plain language.',
})
export class RefusalGround {
  @Field({ description: 'The provision cited, e.g. "IRPR 179(b)".' })
  provision!: string;

  @Field({ description: 'The ground as the refusal letter states it.' })
  summary!: string;

  @Field({ description: 'What the ground means and what usually led to it, in plain language.' })
  explanation!: string;
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
