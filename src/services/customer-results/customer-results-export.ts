import type { AnswerColumn, CustomerResult } from '../../domain/customer-results/customer-result';
import type { ImportCell } from '../../domain/import-mapping';

type Lang = 'en' | 'vi';

const COLUMNS = ['entryId', 'name', 'phone', 'phones', 'status', 'attempts', 'lastCall', 'lastOutcome', 'disposition', 'callback', 'agent'] as const;

const HEADERS: Record<Lang, Record<(typeof COLUMNS)[number], string>> = {
  en: {
    entryId: 'Entry ID', name: 'Name', phone: 'Number dialled', phones: 'Phones', status: 'Status', attempts: 'Attempts',
    lastCall: 'Last call (UTC)', lastOutcome: 'Last outcome', disposition: 'Disposition', callback: 'Callback (UTC)', agent: 'Agent',
  },
  vi: {
    entryId: 'Mã dòng', name: 'Tên khách hàng', phone: 'Số đã gọi', phones: 'Các số điện thoại', status: 'Trạng thái', attempts: 'Số lần gọi',
    lastCall: 'Lần gọi cuối (UTC)', lastOutcome: 'Kết quả lần cuối', disposition: 'Phân loại', callback: 'Hẹn gọi lại (UTC)', agent: 'Nhân viên',
  },
};

const VALUES: Record<Lang, Record<string, string>> = {
  en: {
    not_started: 'Not called yet', in_progress: 'In a call', failed_will_retry: 'Will retry', callback_scheduled: 'Callback set', success: 'Success',
    retries_exhausted: 'No attempts left', do_not_call_again: 'Do not call again', call_error: 'Call error', paused: 'Paused', blocked: 'Blacklisted',
    dnc: 'Do not call', answered: 'Answered', busy: 'Busy', no_answer: 'No answer', congestion: 'Congestion', invalid_number: 'Invalid number',
    machine: 'Answering machine', abandoned: 'Abandoned', failed: 'Failed', closed_deal: 'Closed deal', interested: 'Interested',
    not_interested: 'Not interested', callback: 'Callback', skip: 'Skip',
  },
  vi: {
    not_started: 'Chưa gọi', in_progress: 'Đang gọi', failed_will_retry: 'Sẽ gọi lại', callback_scheduled: 'Đã hẹn gọi lại', success: 'Thành công',
    retries_exhausted: 'Hết lượt gọi', do_not_call_again: 'Không gọi lại nữa', call_error: 'Lỗi cuộc gọi', paused: 'Tạm dừng', blocked: 'Bị chặn',
    dnc: 'Không gọi', answered: 'Đã trả lời', busy: 'Máy bận', no_answer: 'Không trả lời', congestion: 'Nghẽn mạng', invalid_number: 'Số không hợp lệ',
    machine: 'Máy trả lời tự động', abandoned: 'Bỏ lỡ', failed: 'Lỗi', closed_deal: 'Chốt đơn', interested: 'Quan tâm',
    not_interested: 'Không quan tâm', callback: 'Gọi lại', skip: 'Bỏ qua',
  },
};

/** The header: the fixed columns in the user's language, then one column per script question, named by its text. */
export const customerResultsHeader = (lang: Lang, columns: readonly AnswerColumn[]): string[] =>
  [...COLUMNS.map((c) => HEADERS[lang][c]), ...columns.map((q) => q.text)];

/**
 * One contact as export cells. Names and answers go in as they are; csvLine quotes a leading = + - @ (and .xlsx
 * keeps every string a string), so no cell runs as a formula.
 */
export function customerResultCells(r: CustomerResult, lang: Lang, columns: readonly AnswerColumn[]): ImportCell[] {
  const v = (code: string | null): string | null => (code === null ? null : VALUES[lang][code] ?? code);
  return [
    r.entryId, r.name, r.phone, r.phones.join('; '), v(r.status), r.attempts, r.lastCallAt, v(r.lastOutcome), v(r.lastDisposition), r.callbackAt,
    r.agentName, ...columns.map((q) => r.answers[String(q.questionId)] ?? null),
  ];
}
