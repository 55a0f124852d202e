import { Module } from '@nestjs/common';
import { AppController } from './app.controller.js';
import { CatsController } from './cats.controller.js';
import { FilesController } from './files.controller.js';
import { PetsController } from './pets.controller.js';
import { ProfileController } from './profile.controller.js';

@Module({
  controllers: [AppController, CatsController, PetsController, FilesController, ProfileController],
})
export class AppModule {}
