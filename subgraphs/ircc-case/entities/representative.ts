import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../kit/pagination';
import { RepresentativeKind } from './enums';
import { Client } from './client';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A person authorized by clients (form IMM 5476) to deal with IRCC and CBSA for them.',
})
export class Representative {
  @Field(() => ID)
  id!: string;

  @Field(() => RepresentativeKind)
  kind!: RepresentativeKind;

  @Field()
  familyName!: string;

  @Field()
  givenNames!: string;

  @Field(() => String, { nullable: true })
  organization!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Membership number with the regulator; null for unpaid representatives.',
  })
  membershipNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The law society, Chambre des notaires or the College of Immigration and Citizenship Consultants.',
  })
  regulator!: string | null;
}

@ObjectType()
export class RepresentativeConnection extends Connection(Representative) {}

@ObjectType()
export class ClientConnection extends Connection(Client) {}
