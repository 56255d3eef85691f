import type { PerformanceFigures } from '../../domain/agent-performance/agent-performance-report';
import { DISPOSITIONS } from '../../domain/disposition';
import type { ImportCell } from '../../domain/import-mapping';
import type { AgentPerformanceResult } from './agent-performance-service';

type Lang = 'en' | 'vi';

const HEADERS: Record<Lang, Record<string, string>> = {
  en: {
    agent: 'Agent', day: 'Day', loggedIn: 'Logged in', ready: 'Ready', previewing: 'Previewing', ringing: 'Ringing', talking: 'Talking',
    wrapUp: 'Wrap-up', paused: 'Paused', notReady: 'Not ready', occupancy: 'Occupancy %', calls: 'Calls', connects: 'Connects',
    avgTalk: 'Average talk', avgWrap: 'Average wrap-up', conversions: 'Conversions', conversionRate: 'Conversion %',
    abandoned: 'Abandoned while ready', quota: 'Quota count', total: 'Total', team: 'Team', notReadyFor: 'Not ready: ',
    closed_deal: 'Closed deal', interested: 'Interested', not_interested: 'Not interested', callback: 'Callback',
    do_not_call_again: 'Do not call again', skip: 'Skip',
  },
  vi: {
    agent: 'Nhân viên', day: 'Ngày', loggedIn: 'Thời gian đăng nhập', ready: 'Sẵn sàng', previewing: 'Xem trước', ringing: 'Đổ chuông',
    talking: 'Đàm thoại', wrapUp: 'Hoàn tất cuộc gọi', paused: 'Tạm dừng', notReady: 'Chưa sẵn sàng', occupancy: 'Tỷ lệ bận %',
    calls: 'Cuộc gọi', connects: 'Kết nối', avgTalk: 'Đàm thoại trung bình', avgWrap: 'Hoàn tất trung bình', conversions: 'Chốt đơn',
    conversionRate: 'Tỷ lệ chốt %', abandoned: 'Cuộc gọi bỏ lỡ khi sẵn sàng', quota: 'Số khách tính chỉ tiêu', total: 'Tổng',
    team: 'Cả nhóm', notReadyFor: 'Chưa sẵn sàng: ', closed_deal: 'Chốt đơn', interested: 'Quan tâm', not_interested: 'Không quan tâm',
    callback: 'Gọi lại', do_not_call_again: 'Không gọi lại nữa', skip: 'Bỏ qua',
  },
};

/** Milliseconds as h:mm:ss. */
export function hms(ms: number | null): string {
  if (ms === null) return '';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

const pct = (x: number | null): ImportCell => (x === null ? null : Math.round(x * 1000) / 10);

/**
 * The report as rows of cells: a header, then each agent's days and total, then the team's days and total.
 * One not-ready column per reason met in the report; headers in the user's language.
 */
export function agentPerformanceRows(r: AgentPerformanceResult, lang: Lang): ImportCell[][] {
  const h = HEADERS[lang];
  const reasons = [...new Set([...r.agents.flatMap((a) => Object.keys(a.total.notReadyByReason))])].sort();
  const header = [
    h.agent!, h.day!, h.loggedIn!, h.ready!, h.previewing!, h.ringing!, h.talking!, h.wrapUp!, h.paused!, h.notReady!,
    ...reasons.map((x) => h.notReadyFor + x), h.occupancy!, h.calls!, h.connects!, h.avgTalk!, h.avgWrap!,
    ...DISPOSITIONS.map((d) => h[d]!), h.conversions!, h.conversionRate!, h.abandoned!, h.quota!,
  ];
  const row = (who: string, day: string, f: PerformanceFigures): ImportCell[] => [
    who, day, hms(f.loggedInMs), hms(f.readyMs), hms(f.previewingMs), hms(f.ringingMs), hms(f.talkingMs), hms(f.wrapUpMs), hms(f.pausedMs),
    hms(f.notReadyMs), ...reasons.map((x) => hms(f.notReadyByReason[x] ?? 0)), pct(f.occupancy), f.calls, f.connects, hms(f.avgTalkMs),
    hms(f.avgWrapMs), ...DISPOSITIONS.map((d) => f.dispositions[d] ?? 0), f.conversions, pct(f.conversionRate), f.abandonedWhileReady, f.quotaCount,
  ];
  const rows: ImportCell[][] = [header];
  for (const a of r.agents) {
    for (const d of a.days) rows.push(row(a.name, d.day, d));
    rows.push(row(a.name, h.total!, a.total));
  }
  for (const d of r.team.days) rows.push(row(h.team!, d.day, d));
  rows.push(row(h.team!, h.total!, r.team.total));
  return rows;
}
