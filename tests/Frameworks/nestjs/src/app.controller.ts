import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';

// The `nest new` starter's controller. Nest sends a returned string as text/html, while the
// document (like the swagger CLI plugin would) says application/json {type: string}.
@Controller()
export class AppController {
  @Get()
  @ApiOkResponse({ type: String })
  getHello(): string {
    return 'Hello World!';
  }
}
