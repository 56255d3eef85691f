import type { OverviewFigures } from '../../domain/campaign-overview/overview-figures';
import { CONTACT_STATUSES } from '../../domain/contact-status';
import type { DialingMode } from '../../domain/dialing-mode';
import { DISPOSITIONS } from '../../domain/disposition';
import type { ImportCell } from '../../domain/import-mapping';
import { hms } from '../agent-performance/agent-performance-export';
import type { CampaignOverviewResult } from './campaign-overview-service';

type Lang = 'en' | 'vi';

const EN = {
  summary: 'Summary', byDay: 'By day', byHour: 'By hour', contacts: 'Contacts', dispositionsTitle: 'Dispositions', agentsTitle: 'Quota per agent',
  ivrTitle: 'IVR answers', dialLevelTitle: 'Dial level', allCampaigns: 'All campaigns',
  campaign: 'Campaign', timezone: 'Time zone', mode: 'Mode', day: 'Day', hour: 'Hour', status: 'Status', count: 'Count', share: 'Share %',
  attempts: 'Attempts', placed: 'Calls placed', answered: 'Answered', connected: 'Connected to an agent', abandoned: 'Abandoned',
  abandonRate: 'Abandon %', abandonRate30d: 'Abandon % (30 days)', target: 'Abandon target %', machine: 'Machine', busy: 'Busy',
  noAnswer: 'No answer', congestion: 'Congestion', invalidNumber: 'Invalid number', failed: 'Failed', contactRate: 'Contact %',
  conversions: 'Closed deals', conversionRate: 'Conversion %', talk: 'Talk time', avgTalk: 'Average talk', hold: 'Hold time',
  avgHold: 'Average hold', wrapUp: 'Wrap-up time', avgWrapUp: 'Average wrap-up', disposition: 'Disposition', agent: 'Agent',
  quotaCount: 'Quota count', quotaKind: 'Quota', quotaMin: 'Minimum', quotaMax: 'Maximum', daysWorked: 'Days worked',
  daysMetMin: 'Days at minimum', daysAtMax: 'Days at maximum', question: 'Question', answer: 'Answer', noKey: '(no valid key)',
  agentHours: 'Agent hours', dialLevel: 'Dial level', per_day: 'per day', per_campaign: 'per campaign',
  closed_deal: 'Closed deal', interested: 'Interested', not_interested: 'Not interested', callback: 'Callback', do_not_call_again: 'Do not call again', skip: 'Skip',
  not_started: 'Not started', in_progress: 'In progress', failed_will_retry: 'Will retry', callback_scheduled: 'Callback', success: 'Success',
  retries_exhausted: 'Retries exhausted', call_error: 'Call error', paused: 'Paused', blocked: 'Blocked', dnc: 'DNC',
};

const VI: Record<keyof typeof EN, string> = {
  summary: 'Tổng quan', byDay: 'Theo ngày', byHour: 'Theo giờ', contacts: 'Khách hàng', dispositionsTitle: 'Kết quả cuộc gọi', agentsTitle: 'Chỉ tiêu theo nhân viên',
  ivrTitle: 'Trả lời IVR', dialLevel: 'Mức quay số', dialLevelTitle: 'Mức quay số', allCampaigns: 'Tất cả chiến dịch',
  campaign: 'Chiến dịch', timezone: 'Múi giờ', mode: 'Chế độ', day: 'Ngày', hour: 'Giờ', status: 'Trạng thái', count: 'Số lượng', share: 'Tỷ lệ %',
  attempts: 'Lượt gọi', placed: 'Cuộc gọi đã quay', answered: 'Nghe máy', connected: 'Nối máy với nhân viên', abandoned: 'Bỏ lỡ',
  abandonRate: 'Tỷ lệ bỏ lỡ %', abandonRate30d: 'Tỷ lệ bỏ lỡ % (30 ngày)', target: 'Mục tiêu bỏ lỡ %', machine: 'Máy trả lời tự động', busy: 'Máy bận',
  noAnswer: 'Không nghe máy', congestion: 'Nghẽn mạng', invalidNumber: 'Số không hợp lệ', failed: 'Lỗi', contactRate: 'Tỷ lệ liên hệ %',
  conversions: 'Chốt đơn', conversionRate: 'Tỷ lệ chốt %', talk: 'Thời gian đàm thoại', avgTalk: 'Đàm thoại trung bình', hold: 'Thời gian chờ',
  avgHold: 'Chờ trung bình', wrapUp: 'Thời gian hoàn tất', avgWrapUp: 'Hoàn tất trung bình', disposition: 'Kết quả', agent: 'Nhân viên',
  quotaCount: 'Số khách tính chỉ tiêu', quotaKind: 'Chỉ tiêu', quotaMin: 'Tối thiểu', quotaMax: 'Tối đa', daysWorked: 'Số ngày làm việc',
  daysMetMin: 'Số ngày đạt tối thiểu', daysAtMax: 'Số ngày đạt tối đa', question: 'Câu hỏi', answer: 'Câu trả lời', noKey: '(không bấm phím hợp lệ)',
  agentHours: 'Giờ nhân viên', per_day: 'theo ngày', per_campaign: 'theo chiến dịch',
  closed_deal: 'Chốt đơn', interested: 'Quan tâm', not_interested: 'Không quan tâm', callback: 'Gọi lại', do_not_call_again: 'Không gọi lại nữa', skip: 'Bỏ qua',
  not_started: 'Chưa gọi', in_progress: 'Đang xử lý', failed_will_retry: 'Sẽ gọi lại', callback_scheduled: 'Hẹn gọi lại', success: 'Thành công',
  retries_exhausted: 'Hết lượt gọi', call_error: 'Lỗi cuộc gọi', paused: 'Tạm dừng', blocked: 'Bị chặn', dnc: 'Không làm phiền',
};

const MODES: Record<Lang, Record<DialingMode, string>> = {
  en: { manual: 'Manual', preview: 'Preview', progressive: 'Progressive', predictive: 'Predictive', ivr: 'IVR', callback: 'Callback' },
  vi: { manual: 'Thủ công', preview: 'Xem trước', progressive: 'Lần lượt', predictive: 'Dự đoán', ivr: 'IVR tự động', callback: 'Gọi lại' },
};

const pct = (x: number | null): ImportCell => (x === null ? null : Math.round(x * 1000) / 10);
const round2 = (x: number | null): ImportCell => (x === null ? null : Math.round(x * 100) / 100);

export interface ExportSection { title: string; rows: ImportCell[][] }

function figureHeader(h: typeof EN): string[] {
  return [h.attempts, h.placed, h.answered, h.connected, h.abandoned, h.abandonRate, h.abandonRate30d, h.target, h.machine, h.busy, h.noAnswer,
    h.congestion, h.invalidNumber, h.failed, h.contactRate, h.conversions, h.conversionRate, h.talk, h.avgTalk, h.hold, h.avgHold, h.wrapUp,
    h.avgWrapUp, ...DISPOSITIONS.map((d) => h[d])];
}

function figureCells(f: OverviewFigures & { abandonRate30d: number | null }, target: number | null): ImportCell[] {
  return [f.attempts, f.placed, f.answered, f.connected, f.abandoned, pct(f.abandonRate), pct(f.abandonRate30d), pct(target), f.machine, f.busy,
    f.noAnswer, f.congestion, f.invalidNumber, f.failed, pct(f.contactRate), f.conversions, pct(f.conversionRate), hms(f.talkMs), hms(f.avgTalkMs),
    hms(f.holdMs), hms(f.avgHoldMs), hms(f.wrapUpMs), hms(f.avgWrapUpMs), ...DISPOSITIONS.map((d) => f.dispositions[d] ?? 0)];
}

/**
 * The overview as titled tables of cells (a sheet each in .xlsx, one after another in CSV), with the filters the
 * report was made with; headers in the user's language. Names are cells like any other: the CSV and xlsx writers
 * keep a leading = + - @ from ever becoming a formula.
 */
export function campaignOverviewSections(r: CampaignOverviewResult, lang: Lang): ExportSection[] {
  const h = lang === 'vi' ? VI : EN;
  const all = h.allCampaigns;
  const summary: ImportCell[][] = [[h.campaign, h.timezone, h.mode, h.day, ...figureHeader(h)]];
  const byDay: ImportCell[][] = [[h.campaign, h.day, ...figureHeader(h)]];
  const byHour: ImportCell[][] = [[h.campaign, h.hour, h.attempts, h.placed, h.answered, h.connected]];
  const contacts: ImportCell[][] = [[h.campaign, h.status, h.count]];
  const dispositions: ImportCell[][] = [[h.campaign, h.disposition, h.count, h.share]];
  const agents: ImportCell[][] = [[h.campaign, h.agent, h.attempts, h.connected, h.conversions, h.quotaCount, h.quotaKind, h.quotaMin, h.quotaMax,
    h.daysWorked, h.daysMetMin, h.daysAtMax]];
  const ivr: ImportCell[][] = [[h.campaign, h.question, h.answer, h.count, h.share]];
  const dial: ImportCell[][] = [[h.campaign, h.day, h.hour, h.placed, h.agentHours, h.dialLevel]];
  const range = `${r.from} – ${r.to}`;
  const body = (name: string, b: CampaignOverviewResult['combined'], target: number | null, tz: string, mode: string) => {
    summary.push([name, tz, mode, range, ...figureCells(b.total, target)]);
    for (const d of b.days) byDay.push([name, d.day, ...figureCells(d, target)]);
    for (const x of b.hours) byHour.push([name, x.hour, x.attempts, x.placed, x.answered, x.connected]);
    for (const s of CONTACT_STATUSES) contacts.push([name, h[s], b.contacts.byStatus[s]]);
    for (const d of b.dispositions) dispositions.push([name, h[d.disposition], d.count, pct(d.share)]);
  };
  for (const c of r.campaigns) {
    const name = c.campaign.name;
    body(name, c, c.campaign.abandonRateTarget, c.campaign.timezone, MODES[lang][c.campaign.dialingMode]);
    for (const a of c.agents) {
      const q = a.quota;
      agents.push([name, a.name, a.attempts, a.connected, a.conversions, a.quotaCount, q ? h[q.kind] : null, q?.min ?? null, q?.max ?? null,
        q?.daysWorked ?? null, q?.daysMetMin ?? null, q?.daysAtMax ?? null]);
    }
    for (const q of c.ivr ?? []) for (const a of q.answers) ivr.push([name, q.questionId, a.answer ?? h.noKey, a.count, pct(a.share)]);
    for (const p of c.dialLevel ?? []) dial.push([name, p.day, p.hour, p.placed, round2(p.agentHours), round2(p.dialLevel)]);
  }
  if (r.campaigns.length > 1) body(all, r.combined, null, '', '');
  const sections: ExportSection[] = [
    { title: h.summary, rows: summary }, { title: h.byDay, rows: byDay }, { title: h.byHour, rows: byHour },
    { title: h.contacts, rows: contacts }, { title: h.dispositionsTitle, rows: dispositions }, { title: h.agentsTitle, rows: agents },
  ];
  if (ivr.length > 1) sections.push({ title: h.ivrTitle, rows: ivr });
  if (dial.length > 1) sections.push({ title: h.dialLevelTitle, rows: dial });
  return sections;
}

/** The sections as one CSV table after another: a title row, the table, a blank row. */
export function overviewCsvRows(sections: readonly ExportSection[]): ImportCell[][] {
  return sections.flatMap((s, i) => [...(i > 0 ? [[]] : []), [s.title], ...s.rows]);
}
