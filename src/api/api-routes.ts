import type { Services } from '../services/create-services';
import type { RouteSpec } from './route';
import { authRoutes } from './routes/auth-routes';
import { campaignRoutes } from './routes/campaign-routes';
import { notificationRoutes } from './routes/notification-routes';
import { scriptRoutes } from './routes/script-routes';
import { userRoutes } from './routes/user-routes';

/** The feature routes of the API; createApp adds /health and /api/openapi.json. */
export function apiRoutes(s: Services): RouteSpec[] {
  return [
    ...authRoutes(s.auth, s.config.cookieSecure),
    ...userRoutes(s.users),
    ...campaignRoutes(s.campaigns),
    ...scriptRoutes(s.scripts),
    ...notificationRoutes(s.notifications),
  ];
}
