/** A reason an agent picks when going not ready; agent_state_changes.reason stores its code. */
export interface PauseCode {
  id: number;
  code: string;
  label: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PauseCodeDraft {
  code: string;
  label: string;
  active: boolean;
}

/** Lower-case letters, digits, dash and underscore: never one of the dialer's own reasons, which have spaces. */
export const PAUSE_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** The first problem with a pause code draft, naming the field; null when it is fine. */
export function pauseCodeProblem(d: Partial<PauseCodeDraft>): { field: keyof PauseCodeDraft; message: string } | null {
  if (d.code !== undefined && !PAUSE_CODE_PATTERN.test(d.code)) {
    return { field: 'code', message: 'a pause code is 1 to 32 lower-case letters, digits, "-" or "_", starting with a letter or digit' };
  }
  if (d.label !== undefined && (d.label.trim() === '' || d.label.length > 100)) return { field: 'label', message: 'a label is 1 to 100 characters' };
  return null;
}
