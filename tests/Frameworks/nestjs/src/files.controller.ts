import { createHash } from 'node:crypto';
import { Body, Controller, ParseFilePipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';

// The multipart body as swagger sees it: the file is {type: string, format: binary}.
export class UploadDto {
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown; // multer takes it out of the body; it arrives through @UploadedFile()

  @ApiProperty()
  @IsString()
  note: string;
}

export class FileEcho {
  @ApiProperty() filename: string;
  @ApiProperty() contentType: string;
  @ApiProperty({ type: 'integer' }) size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() note: string;
}

// The fields of multer's file object used here (avoids a dependency on @types/multer).
interface UploadedFileLike {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

@Controller('files')
export class FilesController {
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDto })
  @ApiCreatedResponse({ type: FileEcho })
  @ApiBadRequestResponse({ description: 'No file or no note' })
  @UseInterceptors(FileInterceptor('file')) // memory storage: the bytes are in file.buffer
  upload(@UploadedFile(new ParseFilePipe()) file: UploadedFileLike, @Body() body: UploadDto): FileEcho {
    return {
      filename: file.originalname,
      contentType: file.mimetype,
      size: file.size,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      note: body.note,
    };
  }
}
