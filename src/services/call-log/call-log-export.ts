import type { CallLogEntry } from '../../domain/call-log/call-log-entry';
import type { ImportCell } from '../../domain/import-mapping';
import { hms } from '../agent-performance/agent-performance-export';

type Lang = 'en' | 'vi';

const COLUMNS = ['id', 'campaign', 'contact', 'number', 'agent', 'direction', 'start', 'ring', 'answer', 'bridge', 'end', 'ringTime',
  'holdTime', 'talkTime', 'cause', 'causeName', 'hungUpBy', 'amd', 'outcome', 'disposition', 'recording'] as const;

const HEADERS: Record<Lang, Record<(typeof COLUMNS)[number], string>> = {
  en: {
    id: 'Call ID', campaign: 'Campaign', contact: 'Contact', number: 'Number dialled', agent: 'Agent', direction: 'Direction',
    start: 'Start (UTC)', ring: 'Ring (UTC)', answer: 'Answer (UTC)', bridge: 'Bridge (UTC)', end: 'End (UTC)', ringTime: 'Ring time',
    holdTime: 'Hold time', talkTime: 'Talk time', cause: 'Hangup cause', causeName: 'Cause name', hungUpBy: 'Hung up by', amd: 'AMD',
    outcome: 'Outcome', disposition: 'Disposition', recording: 'Recording',
  },
  vi: {
    id: 'Mã cuộc gọi', campaign: 'Chiến dịch', contact: 'Khách hàng', number: 'Số đã gọi', agent: 'Nhân viên', direction: 'Chiều gọi',
    start: 'Bắt đầu (UTC)', ring: 'Đổ chuông (UTC)', answer: 'Trả lời (UTC)', bridge: 'Kết nối (UTC)', end: 'Kết thúc (UTC)',
    ringTime: 'Thời gian đổ chuông', holdTime: 'Thời gian chờ', talkTime: 'Thời gian đàm thoại', cause: 'Mã lý do ngắt',
    causeName: 'Lý do ngắt', hungUpBy: 'Bên ngắt máy', amd: 'AMD', outcome: 'Kết quả', disposition: 'Phân loại', recording: 'Ghi âm',
  },
};

const VALUES: Record<Lang, Record<string, string>> = {
  en: {
    outbound: 'Outbound', inbound: 'Inbound', customer: 'Customer', agent: 'Agent', dialer: 'Dialer', telephony: 'Telephony',
    answered: 'Answered', busy: 'Busy', no_answer: 'No answer', congestion: 'Congestion', invalid_number: 'Invalid number', machine: 'Answering machine',
    abandoned: 'Abandoned', failed: 'Failed', closed_deal: 'Closed deal', interested: 'Interested', not_interested: 'Not interested',
    callback: 'Callback', do_not_call_again: 'Do not call again', skip: 'Skip', yes: 'Yes',
  },
  vi: {
    outbound: 'Gọi ra', inbound: 'Gọi vào', customer: 'Khách hàng', agent: 'Nhân viên', dialer: 'Hệ thống quay số', telephony: 'Tổng đài',
    answered: 'Đã trả lời', busy: 'Máy bận', no_answer: 'Không trả lời', congestion: 'Nghẽn mạng', invalid_number: 'Số không hợp lệ',
    machine: 'Máy trả lời tự động', abandoned: 'Bỏ lỡ', failed: 'Lỗi', closed_deal: 'Chốt đơn', interested: 'Quan tâm',
    not_interested: 'Không quan tâm', callback: 'Gọi lại', do_not_call_again: 'Không gọi lại nữa', skip: 'Bỏ qua', yes: 'Có',
  },
};

export const callLogHeader = (lang: Lang): string[] => COLUMNS.map((c) => HEADERS[lang][c]);

/**
 * One call as export cells. Names and numbers go in as they are; csvLine quotes a leading = + - @ (and .xlsx
 * keeps every string a string), so no cell runs as a formula.
 */
export function callLogCells(e: CallLogEntry, lang: Lang): ImportCell[] {
  const v = (code: string | null): string | null => (code === null ? null : VALUES[lang][code] ?? code);
  const dur = (ms: number | null): string | null => (ms === null ? null : hms(ms));
  return [
    e.id, e.campaignName, e.contactName, e.phoneNumber, e.agentName, v(e.direction), e.startAt, e.dialAt, e.answerAt, e.bridgeAt, e.endAt,
    dur(e.ringMs), dur(e.holdMs), dur(e.talkMs), e.hangupCause, e.hangupCauseName, v(e.hungUpBy), e.amdStatus, v(e.outcome), v(e.disposition),
    e.hasRecording ? v('yes') : null,
  ];
}
