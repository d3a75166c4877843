import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { CHANNELS } from '../../../libs/channels/channel.js';
import { normalisePhone } from '../../../libs/channels/phone-number.js';

/** The longest way a person may write a number: "+84 (0) 912 . 345 . 678" and the like, with room to spare. */
const PHONE_TEXT_LIMIT = 40;
/** RFC 5321's limit on an address. */
const EMAIL_LIMIT = 254;

/** A Vietnamese mobile number however it is commonly written (0912 345 678, +84 912.345.678, 84-912-345-678). */
export function IsVietnameseMobile(): PropertyDecorator {
  return ValidateBy({ name: 'isVietnameseMobile', validator: { validate: (value: unknown) => typeof value === 'string' && normalisePhone(value) !== null } });
}

/**
 * A phone number as typed, kept in the one form stored (84…): null clears it, absent leaves it. What is not a
 * Vietnamese mobile number stays as typed for the check above to refuse.
 */
export function PhoneField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      example: '0912 345 678',
      description: 'Số điện thoại di động Việt Nam, viết cách nào cũng được (0912 345 678, +84 912.345.678); null: xóa. Không bao giờ hiện lại đầy đủ',
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (normalisePhone(value) ?? value) : value)),
    IsString(),
    MaxLength(PHONE_TEXT_LIMIT),
    IsVietnameseMobile(),
  );
}

/** An email address, kept in lower case and without surrounding spaces: null clears it, absent leaves it. */
export function EmailField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, format: 'email', example: 'lovanpang@gmail.com', description: 'null: xóa' }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsString(),
    MaxLength(EMAIL_LIMIT),
    IsEmail(),
  );
}

/** The channels a person chooses beyond the inbox: any of email, zalo, sms, each once. */
export function ChannelsField(options: { required: boolean }): PropertyDecorator {
  const documented = { enum: CHANNELS, isArray: true, description: 'Các kênh nhận thông báo ngoài ứng dụng: email, zalo, sms' };
  const decorators = [
    options.required ? ApiProperty(documented) : ApiPropertyOptional(documented),
    IsArray(),
    ArrayMaxSize(CHANNELS.length),
    ArrayUnique(),
    IsIn(CHANNELS, { each: true }),
  ];
  return applyDecorators(...(options.required ? decorators : [IsOptional(), ...decorators]));
}
