import { LocalDateResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { IssuedDocumentType } from './enums';

@ObjectType({ description: 'A visa, permit, COPR or certificate issued on an application.' })
export class IssuedDocument {
  applicationNumber!: string;

  @Field(() => IssuedDocumentType)
  type!: IssuedDocumentType;

  @Field()
  documentNumber!: string;

  @Field(() => LocalDateResolver)
  issuedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null for documents that do not expire.' })
  validUntil!: string | null;
}
