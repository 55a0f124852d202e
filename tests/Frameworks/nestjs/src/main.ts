// Starts the app on 127.0.0.1 and serves its Swagger document at /openapi.json.
//
//   node dist/main.js --port 0
//
// prints `LISTENING http://127.0.0.1:<port>` on stdout once the server accepts connections
// (port 0 picks a free port; the line tells which).
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';

function portFromArgs(argv: string[]): number {
  const i = argv.indexOf('--port');
  const port = i >= 0 ? Number(argv[i + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port wants 0..65535, got ${argv[i + 1]}`);
  }
  return port;
}

async function bootstrap(): Promise<void> {
  // Nest logs its startup lines to stdout; keep stdout for the LISTENING line (errors go to stderr).
  const app = await NestFactory.create(AppModule, { logger: ['error'] });

  // class-validator on every DTO; bad input answers 400 {"message":[...],"error":"Bad Request","statusCode":400}.
  // transform: true turns the query DTO's strings into numbers/arrays via class-transformer.
  app.useGlobalPipes(new ValidationPipe({ transform: true }));

  const config = new DocumentBuilder()
    .setTitle('Specgen NestJS echo')
    .setVersion('1.0.0')
    .addBearerAuth() // the "bearer" security scheme that @ApiBearerAuth() refers to
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // The JSON document only: no Swagger UI page, which nothing here needs.
  SwaggerModule.setup('docs', app, document, { ui: false, raw: ['json'], jsonDocumentUrl: 'openapi.json' });

  await app.listen(portFromArgs(process.argv), '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  console.log(`LISTENING http://127.0.0.1:${port}`);
}

bootstrap().catch((err) => {
  console.error(err);
  process.exit(1);
});
