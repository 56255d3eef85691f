import type { Logger } from 'winston';
import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { Db } from '../store/database';
import { AgentSessionRepository } from '../store/agent-session-repository';
import { AttemptRepository } from '../store/attempt-repository';
import { CallRecordRepository } from '../store/call-record-repository';
import { ContactNoteRepository } from '../store/calls/contact-note-repository';
import { ContactCallHistory } from '../store/calls/contact-call-history';
import { ClickToCallService } from './calls/click-to-call-service';
import { MissedCallService } from './inbound/missed-call-service';
import { MissedCallRepository } from '../store/inbound/missed-call-repository';
import { CallbackRequestRepository } from '../store/callback-request-repository';
import { GroupRepository } from '../store/group-repository';
import { SessionRepository } from '../store/session-repository';
import { UserRepository } from '../store/user-repository';
import { CampaignRepository } from '../store/campaign-repository';
import { NotificationRepository } from '../store/notification-repository';
import { ScriptRepository } from '../store/script-repository';
import { AuthService } from './auth-service';
import { CampaignService } from './campaign-service';
import { createContactServices } from './create-contact-services';
import { NotificationService } from './notification-service';
import { ScriptService } from './script-service';
import { UserService } from './user-service';
import { AgentPerformanceRepository } from '../store/agent-performance/agent-performance-repository';
import { AgentStateRollup } from '../store/agent-performance/agent-state-rollup';
import { PauseCodeRepository } from '../store/pause-codes/pause-code-repository';
import { AgentPerformanceService } from './agent-performance/agent-performance-service';
import { CampaignOverviewService } from './campaign-overview/campaign-overview-service';
import { CampaignOverviewRepository } from '../store/campaign-overview/campaign-overview-repository';
import { PauseCodeService } from './pause-codes/pause-code-service';
import { CallLogRepository } from '../store/call-log/call-log-repository';
import { CallLogService } from './call-log/call-log-service';
import { CustomerResultsRepository } from '../store/customer-results/customer-results-repository';
import { CustomerResultsService } from './customer-results/customer-results-service';

/** The repositories and services of one process, built from its database, config and clock. */
export function createServices(db: Db, config: Config, clock: Clock, log: Logger) {
  const userRepo = new UserRepository(db);
  const groupRepo = new GroupRepository(db);
  const sessionRepo = new SessionRepository(db);
  const auth = new AuthService(userRepo, sessionRepo, clock, config.sessionTtlHours);
  const users = new UserService(userRepo, groupRepo, sessionRepo, clock);
  const campaignRepo = new CampaignRepository(db);
  const scriptRepo = new ScriptRepository(db);
  const notificationRepo = new NotificationRepository(db);
  const notifications = new NotificationService(notificationRepo, userRepo, clock);
  const scripts = new ScriptService(scriptRepo, userRepo, clock);
  const campaigns = new CampaignService({
    db, clock, campaigns: campaignRepo, users: userRepo, groups: groupRepo, scripts: scriptRepo, notifications,
  });
  const callRecords = new CallRecordRepository(db);
  const callbackRequests = new CallbackRequestRepository(db);
  const crm = createContactServices(db, config, clock, log, userRepo, campaignRepo);
  const pauseCodes = new PauseCodeService(new PauseCodeRepository(db), clock);
  const rollup = new AgentStateRollup(db);
  // Folds what an older version or a crashed process left unfolded (all history, the first time after migration 041),
  // so the engine's first state change does not do it inside its own transaction.
  const folded = rollup.catchUp();
  if (folded > 0) log.info('agent state rollup caught up', { changes: folded });
  const perfRepo = new AgentPerformanceRepository(db);
  const agentPerformance = new AgentPerformanceService(perfRepo, rollup, clock);
  const callLog = new CallLogService(new CallLogRepository(db), perfRepo, config.recordings.dir);
  const campaignOverview = new CampaignOverviewService(new CampaignOverviewRepository(db), clock);
  const clickToCall = new ClickToCallService(crm.contacts, new ContactNoteRepository(db), new ContactCallHistory(db), userRepo, config, clock, log.child({ component: 'click-to-call' }));
  const customerResults = new CustomerResultsService(new CustomerResultsRepository(db), perfRepo);
  return {
    db, config, clock, log,
    repos: {
      users: userRepo, groups: groupRepo, sessions: sessionRepo, campaigns: campaignRepo, scripts: scriptRepo,
      notifications: notificationRepo, callRecords, callbackRequests,
      attempts: new AttemptRepository(db), agentSessions: new AgentSessionRepository(db),
    },
    auth, users, campaigns, scripts, notifications, crm, pauseCodes, agentPerformance, callLog, campaignOverview, clickToCall, customerResults,
    missedCalls: new MissedCallService(new MissedCallRepository(db), callbackRequests, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
