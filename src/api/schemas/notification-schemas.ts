import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../../domain/campaign-notification';
import { pagedOf, pageQueryFields } from './pagination';

export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread notifications'),
  ...pageQueryFields,
}).strict();

export const notificationDto = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  campaignId: z.number().int().nullable(),
  message: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationList = pagedOf(notificationDto).extend({ unread: z.number().int() });
