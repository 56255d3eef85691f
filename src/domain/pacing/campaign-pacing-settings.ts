import type { CampaignSettings } from '../campaign-settings';
import { pacingSettings, type PacingSettings } from './pacing-settings';

/** The telephony settings pacing depends on (config `telephony.*`). */
export interface PacingTelephony {
  readonly ringTimeoutSeconds: number;
  readonly holdMaxSeconds: number;
}

/**
 * A predictive campaign's pacing rules: its abandon target and lines per agent, the wrap-up
 * countdown (after which an agent gets the next customer), and the ring timeout and hold limit.
 */
export function campaignPacingSettings(
  campaign: Pick<CampaignSettings, 'abandonRateTarget' | 'maxLinesPerAgent' | 'wrapUpSeconds'>,
  telephony: PacingTelephony,
): PacingSettings {
  return pacingSettings({
    abandonTarget: campaign.abandonRateTarget,
    maxLinesPerAgent: campaign.maxLinesPerAgent,
    wrapUpLimitMs: campaign.wrapUpSeconds * 1000,
    ringTimeoutMs: telephony.ringTimeoutSeconds * 1000,
    holdLimitMs: telephony.holdMaxSeconds * 1000,
  });
}
