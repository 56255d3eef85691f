export const DIALING_MODES = ['manual', 'preview', 'progressive', 'predictive', 'ivr', 'callback'] as const;
export type DialingMode = (typeof DIALING_MODES)[number];
