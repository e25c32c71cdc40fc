import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { MessageKind } from './enums';
import { Text } from '../../../platform/language/catalogue';

@ObjectType({ description: 'A letter or request IRCC sent to the client about an application.' })
export class Message {
  applicationNumber!: string;

  @Field(() => MessageKind)
  kind!: MessageKind;

  /** The letter's subject: a field of its own, written in the language asked for. */
  subject!: Text;

  @Field(() => LocalDateResolver)
  sentOn!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'When the client must answer by, if an answer is asked for.',
  })
  dueOn!: string | null;
}
