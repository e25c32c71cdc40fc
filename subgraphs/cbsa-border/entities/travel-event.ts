import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../../kit/pagination';
import { TravelDirection, TravelDocumentType, TravelMode, TravelRecordSource } from './enums';

@ObjectType({ description: 'A port of entry.' })
export class Port {
  @Field({ description: 'IATA code for airports; a short name for land, marine and rail crossings.' })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'Two-letter province or territory code.' })
  province!: string;
}

@ObjectType({ description: 'The travel document shown; only the last digits of its number are kept.' })
export class TravelDocument {
  @Field(() => TravelDocumentType)
  type!: TravelDocumentType;

  @Field({ description: 'ISO 3166-1 alpha-3 code of the issuing country.' })
  issuingCountry!: string;

  @Field()
  lastDigits!: string;
}

@ObjectType({ description: 'One crossing of the Canadian border, entering or leaving.' })
export class TravelEvent {
  @Field(() => ID)
  id!: string;

  clientUci!: string;

  @Field(() => DateTimeResolver)
  occurredAt!: Date;

  @Field(() => TravelDirection)
  direction!: TravelDirection;

  @Field(() => Port)
  port!: Port;

  @Field(() => TravelMode)
  mode!: TravelMode;

  @Field(() => TravelDocument)
  travelDocument!: TravelDocument;

  @Field(() => TravelRecordSource)
  source!: TravelRecordSource;
}

@ObjectType()
export class TravelEventConnection extends Connection(TravelEvent) {}
