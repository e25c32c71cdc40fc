import { LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { MissingExitTreatment } from './enums';
import { Text } from '../../../platform/language/catalogue';

@ObjectType({
  description: 'Days physically present in Canada in a period, computed from the border record.',
})
export class PhysicalPresence {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => Int, {
    description: 'The count, with days of uncertain presence treated as `treatment` says.',
  })
  days!: number;

  @Field(() => Int, {
    description:
      'Days on which presence is on record: within a stay with a recorded entry, or the day of an entry or exit.',
  })
  confirmedDays!: number;

  @Field(() => Int, {
    description:
      'Days between an entry and a later entry, or before an exit, with no exit or entry on record.',
  })
  uncertainDays!: number;

  @Field(() => Int, { description: 'Stays whose exit is not on record.' })
  missingExits!: number;

  @Field(() => MissingExitTreatment)
  treatment!: MissingExitTreatment;

  /** How the count was made: a field of its own, written in the language asked for. */
  explanation!: Text;
}
