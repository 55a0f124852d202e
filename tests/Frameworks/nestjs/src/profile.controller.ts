import { CanActivate, Controller, ExecutionContext, Get, Injectable, Req, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiUnauthorizedResponse } from '@nestjs/swagger';

// The one token the guard accepts; tests send `Authorization: Bearer specgen-token`.
export const TOKEN = 'specgen-token';

interface AuthedRequest {
  headers: Record<string, string | undefined>;
  token?: string;
}

@Injectable()
export class BearerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || token !== TOKEN) {
      throw new UnauthorizedException(); // {"message":"Unauthorized","statusCode":401}
    }
    request.token = token;
    return true;
  }
}

export class ProfileDto {
  @ApiProperty() token: string;
  @ApiProperty() user: string;
}

@ApiBearerAuth() // security: [{bearer: []}], the scheme DocumentBuilder.addBearerAuth() declares
@Controller('profile')
export class ProfileController {
  @Get()
  @UseGuards(BearerGuard)
  @ApiOkResponse({ type: ProfileDto })
  @ApiUnauthorizedResponse({ description: 'Missing or wrong bearer token' })
  getProfile(@Req() request: AuthedRequest): ProfileDto {
    // @Req() is not documented as a parameter; the guard has put the token it checked there.
    return { token: request.token!, user: 'specgen' };
  }
}
