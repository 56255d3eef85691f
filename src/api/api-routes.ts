import type { Services } from '../services/create-services';
import type { RouteSpec } from './route';
import { authRoutes } from './routes/auth-routes';
import { campaignRoutes } from './routes/campaign-routes';
import { notificationRoutes } from './routes/notification-routes';
import { scriptRoutes } from './routes/script-routes';
import { userRoutes } from './routes/user-routes';
import { blockListRoutes } from './routes/block-list-routes';
import { campaignListRoutes } from './routes/campaign-list-routes';
import { contactListRoutes } from './routes/contact-list-routes';
import { contactRoutes } from './routes/contact-routes';
import { exportRoutes } from './routes/export-routes';
import { importRoutes } from './routes/import-routes';
import { leadRoutes } from './routes/lead-routes';
import { agentRoutes, type DialerHandle } from './routes/agent-routes';
import { campaignLiveRoutes } from './routes/campaign-live-routes';
import { agentPageRoutes } from './routes/agent-page-routes';
import { agentPerformanceRoutes } from './routes/agent-performance-routes';
import { campaignOverviewRoutes } from './routes/campaign-overview-routes';
import { pauseCodeRoutes } from './routes/pause-code-routes';
import { callLogRoutes } from './routes/call-log-routes';
import { callRoutes } from './routes/call-routes';
import { inboundRoutes } from './routes/inbound-routes';
import { customerResultsRoutes } from './routes/customer-results-routes';

/**
 * The feature routes of the API; createApp adds /health and /api/openapi.json. `dialer` gives the running
 * engine, if any: without one the agent routes answer 503 (they are listed all the same).
 */
export function apiRoutes(s: Services, dialer: DialerHandle = () => undefined): RouteSpec[] {
  return [
    ...authRoutes(s.auth, s.config.cookieSecure),
    ...userRoutes(s.users),
    ...campaignRoutes(s.campaigns),
    ...scriptRoutes(s.scripts),
    ...notificationRoutes(s.notifications),
    ...contactRoutes(s.crm.contacts),
    ...leadRoutes(s.crm.leads),
    ...blockListRoutes(s.crm.blockLists),
    ...contactListRoutes(s.crm.lists, s.crm.contacts),
    ...importRoutes(s.crm.imports, s.config.import.maxFileBytes),
    ...exportRoutes(s.crm.exports),
    ...campaignListRoutes(s.crm.campaignLists, s.crm.campaignListExports, s.crm.contacts),
    ...agentRoutes(dialer, s.pauseCodes),
    ...campaignLiveRoutes(s, dialer),
    ...agentPageRoutes(s, dialer),
    ...pauseCodeRoutes(s.pauseCodes),
    ...agentPerformanceRoutes(s.agentPerformance),
    ...callLogRoutes(s.callLog),
    ...campaignOverviewRoutes(s.campaignOverview),
    ...callRoutes(s.clickToCall, dialer),
    ...inboundRoutes(s.missedCalls, dialer, () => new Date()),
    ...customerResultsRoutes(s.customerResults),
  ];
}
