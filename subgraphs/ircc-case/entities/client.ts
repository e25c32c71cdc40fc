import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OfficialLanguage } from '../../kit/language';
import { RequiresScopes, Scope } from '../../kit/access/directives';

@Directive('@key(fields: "uci")')
@ObjectType({ description: 'A person known to IRCC, identified by their Unique Client Identifier.' })
export class Client {
  @Field(() => ID, {
    description: 'Unique Client Identifier: 8 digits (1234-5678) or 10 digits (12-3456-7890).',
  })
  uci!: string;

  @RequiresScopes(Scope.CASE_READ)
  @Field()
  familyName!: string;

  @RequiresScopes(Scope.CASE_READ)
  @Field()
  givenNames!: string;

  @RequiresScopes(Scope.CASE_READ)
  @Field(() => LocalDateResolver)
  dateOfBirth!: string;

  @RequiresScopes(Scope.CASE_READ)
  @Field({ description: 'ISO 3166-1 alpha-3 country code.' })
  countryOfCitizenship!: string;

  @RequiresScopes(Scope.CASE_READ)
  @Field(() => OfficialLanguage)
  preferredLanguage!: OfficialLanguage;
}
