// DTOs for CatsController: @ApiProperty describes them to @nestjs/swagger (no CLI plugin, so every
// property is explicit), class-validator decorators make the global ValidationPipe check them.
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export enum Breed {
  Persian = 'persian',
  Siamese = 'siamese',
  MaineCoon = 'maine-coon',
}

export class CreateCatDto {
  @ApiProperty({ example: 'Tom', maxLength: 30 })
  @IsString()
  @MaxLength(30)
  name: string;

  // A TS `number` is {type: number}; ask for integer explicitly.
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 30 })
  @IsInt()
  @Min(0)
  @Max(30)
  age: number;

  // enumName makes a reusable components.schemas.Breed instead of an inline enum.
  @ApiProperty({ enum: Breed, enumName: 'Breed' })
  @IsEnum(Breed)
  breed: Breed;

  @ApiPropertyOptional({ type: [String], default: [] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tags?: string[];

  // `string | null` reflects as Object, so the type must be given; nullable: true is OAS 3.0's null.
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  owner?: string | null;
}

// The everyday Nest way to make a PATCH body: every property of CreateCatDto, all optional.
export class UpdateCatDto extends PartialType(CreateCatDto) {}

export class Cat {
  @ApiProperty({ type: 'integer' })
  id: number;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'integer' })
  age: number;

  @ApiProperty({ enum: Breed, enumName: 'Breed' })
  breed: Breed;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ type: String, nullable: true })
  owner: string | null;
}

// @Query() with a DTO: @nestjs/swagger documents each property as its own query parameter.
export class ListCatsQuery {
  // ?tags=a&tags=b arrives as an array, ?tags=a as a plain string: make both an array.
  @ApiPropertyOptional({ type: [String], description: 'Repeat the parameter: ?tags=a&tags=b' })
  @IsOptional()
  @Transform(({ value }) => (Array.isArray(value) ? value : [value]))
  @IsString({ each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: Breed, enumName: 'Breed' })
  @IsOptional()
  @IsEnum(Breed)
  breed?: Breed;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number) // query values are strings
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

// What GET /cats answers: the matches plus an echo of the query and header it saw.
export class CatListDto {
  @ApiProperty({ type: [Cat] })
  items: Cat[];

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiPropertyOptional({ enum: Breed, enumName: 'Breed' })
  breed?: Breed;

  @ApiProperty({ type: 'integer' })
  limit: number;

  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;
}
