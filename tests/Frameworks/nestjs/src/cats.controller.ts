import {
  Body, Controller, Delete, Get, Headers, HttpCode, NotFoundException, Param, ParseIntPipe, Patch, Post, Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse,
} from '@nestjs/swagger';
import { Cat, CatListDto, CreateCatDto, ListCatsQuery, UpdateCatDto } from './cats.dto.js';

// CRUD over an in-memory store (a real app would inject a CatsService; one class keeps this short).
// Operation ids are Nest's defaults: CatsController_create, CatsController_findAll, ...
@Controller('cats')
export class CatsController {
  private readonly cats = new Map<number, Cat>();
  private nextId = 1;

  @Post()
  @ApiCreatedResponse({ type: Cat })
  @ApiBadRequestResponse({ description: 'Validation failed' })
  create(@Body() dto: CreateCatDto): Cat {
    const cat: Cat = { id: this.nextId++, name: dto.name, age: dto.age, breed: dto.breed, tags: dto.tags ?? [], owner: dto.owner ?? null };
    this.cats.set(cat.id, cat);
    return cat;
  }

  @Get()
  @ApiOkResponse({ type: CatListDto })
  @ApiHeader({ name: 'x-request-id', required: false, description: 'Echoed back as requestId' })
  findAll(@Query() query: ListCatsQuery, @Headers('x-request-id') requestId?: string): CatListDto {
    const tags = query.tags ?? [];
    const limit = query.limit ?? 10;
    const items = [...this.cats.values()]
      .filter((c) => tags.length === 0 || c.tags.some((t) => tags.includes(t)))
      .filter((c) => query.breed === undefined || c.breed === query.breed)
      .slice(0, limit);
    return { items, tags, breed: query.breed, limit, requestId: requestId ?? null };
  }

  @Get(':id')
  @ApiOkResponse({ type: Cat })
  @ApiNotFoundResponse({ description: 'No cat with that id' })
  findOne(@Param('id', ParseIntPipe) id: number): Cat {
    return this.find(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: Cat })
  @ApiNotFoundResponse({ description: 'No cat with that id' })
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateCatDto): Cat {
    const cat = this.find(id);
    // Only the properties the client sent: an omitted property keeps its value, null clears owner.
    for (const key of ['name', 'age', 'breed', 'tags', 'owner'] as const) {
      if (dto[key] !== undefined) (cat as any)[key] = dto[key];
    }
    return cat;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No cat with that id' })
  remove(@Param('id', ParseIntPipe) id: number): void {
    this.find(id);
    this.cats.delete(id);
  }

  private find(id: number): Cat {
    const cat = this.cats.get(id);
    if (!cat) throw new NotFoundException(`Cat ${id} not found`);
    return cat;
  }
}
