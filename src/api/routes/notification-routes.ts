import { z } from 'zod';
import type { NotificationService } from '../../services/notification-service';
import { ANY_USER, defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import { notificationList, notificationListQuery } from '../schemas/notification-schemas';
import { noBody } from '../schemas/pagination';

export function notificationRoutes(notifications: NotificationService): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/api/notifications', tag: 'notifications', roles: ANY_USER, summary: 'Your notifications, newest first, paginated; unread=true for unread only',
      query: notificationListQuery, response: notificationList,
      handler: ({ actor, query }) => ({ ...notifications.list(actor.id, query.unread === 'true', query), limit: query.limit, offset: query.offset }),
    }),
    defineRoute({
      method: 'post', path: '/api/notifications/read-all', tag: 'notifications', roles: ANY_USER, summary: 'Mark all your notifications read', status: 200,
      body: noBody, response: z.object({ marked: z.number().int() }),
      handler: ({ actor }) => ({ marked: notifications.markAllRead(actor.id) }),
    }),
    defineRoute({
      method: 'post', path: '/api/notifications/:id/read', tag: 'notifications', roles: ANY_USER, summary: 'Mark one of your notifications read',
      params: idParams, body: noBody,
      handler: ({ actor, params }) => { notifications.markRead(actor.id, params.id); },
    }),
  ];
}
