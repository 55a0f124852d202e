import { BadRequestException, Body, Controller, Post, ValidationPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Min } from 'class-validator';

// A polymorphic body the way Nest documents it: the variants registered with @ApiExtraModels,
// the body described by hand as oneOf + discriminator with an explicit mapping.
export class CatPet {
  @ApiProperty({ enum: ['cat'] })
  @IsIn(['cat'])
  kind: 'cat';

  @ApiProperty()
  @IsString()
  name: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  @IsInt()
  @Min(0)
  lives: number;
}

export class DogPet {
  @ApiProperty({ enum: ['dog'] })
  @IsIn(['dog'])
  kind: 'dog';

  @ApiProperty()
  @IsString()
  name: string;

  @ApiProperty()
  @IsBoolean()
  goodBoy: boolean;
}

const PET_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(CatPet) }, { $ref: getSchemaPath(DogPet) }],
  discriminator: {
    propertyName: 'kind',
    mapping: { cat: getSchemaPath(CatPet), dog: getSchemaPath(DogPet) },
  },
};

export class PetEcho {
  @ApiProperty(PET_SCHEMA)
  pet: CatPet | DogPet;

  @ApiProperty()
  receivedKind: string;
}

const VARIANTS: Record<string, new () => object> = { cat: CatPet, dog: DogPet };

@ApiExtraModels(CatPet, DogPet)
@Controller('pets')
export class PetsController {
  @Post()
  @ApiBody({ schema: PET_SCHEMA })
  @ApiCreatedResponse({ type: PetEcho })
  @ApiBadRequestResponse({ description: 'Unknown kind or invalid pet' })
  async create(@Body() body: Record<string, unknown>): Promise<PetEcho> {
    // The parameter's type is a plain object, so the global pipe leaves it alone: pick the variant
    // by `kind` and run the same ValidationPipe on it, which keeps the usual 400 body.
    const kind = String(body?.kind);
    const variant = VARIANTS[kind];
    if (!variant) {
      throw new BadRequestException([`kind must be one of the following values: ${Object.keys(VARIANTS).join(', ')}`]);
    }
    const pet = await new ValidationPipe({ transform: true }).transform(body, { type: 'body', metatype: variant });
    return { pet, receivedKind: kind };
  }
}
