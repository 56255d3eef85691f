/** Q.850 cause texts as Asterisk prints them in ChannelDestroyed.cause_txt. */
const causeTexts: Readonly<Record<number, string>> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  2: 'No route to specified transmit network',
  3: 'No route to destination',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  21: 'Call Rejected',
  22: 'Number changed',
  26: 'Answered elsewhere',
  27: 'Destination out of order',
  28: 'Invalid number format',
  29: 'Facility rejected',
  31: 'Normal, unspecified',
  34: 'Circuit/channel congestion',
  38: 'Network out of order',
  41: 'Temporary failure',
  42: 'Switching equipment congestion',
  58: 'Bearer capability not available',
  99: 'Info. element nonexist or not implemented',
  127: 'Interworking, unspecified',
};

export function causeText(cause: number): string {
  return causeTexts[cause] ?? 'Unknown';
}

/** The `reason` values DELETE /channels/{id} accepts, and the cause each one sets. */
export const hangupReasons: Readonly<Record<string, number>> = {
  normal: 16,
  busy: 17,
  congestion: 34,
  no_answer: 19,
  timeout: 19,
  rejected: 21,
  unallocated: 1,
  normal_unspecified: 31,
  number_incomplete: 28,
  codec_mismatch: 58,
  interworking: 127,
  failure: 38,
  answered_elsewhere: 26,
};

/** The SIP response a PJSIP channel reports as tech_cause for a cause (the sip-trunk trace). */
export function sipTechCause(cause: number): number | undefined {
  switch (cause) {
    case 1: return 404;
    case 17: return 486;
    case 19: return 480;
    case 34: return 503;
    default: return undefined;
  }
}
