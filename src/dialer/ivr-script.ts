import type { IvrScript, IvrQuestion } from '../domain/flows/customer-call-state';
import { IVR_DEFAULT_RETRIES, IVR_DEFAULT_TIMEOUT_SECONDS, type IvrConfig } from '../domain/ivr-config';

const sound = (name: string): string => `sound:${name}`;

/**
 * A campaign's IVR settings as the IVR flow plays them. A `prompt` step only plays, so it is played in
 * front of the question that follows it (trailing prompts go before the goodbye); the agent-transfer key
 * works at every question.
 */
export function ivrScriptFor(config: IvrConfig, defaults: { invalidMedia: readonly string[] }): IvrScript {
  const questions: IvrQuestion[] = [];
  let pending: string[] = [];
  const transfer = config.agentTransfer;
  for (const step of config.steps) {
    pending.push(sound(step.sound));
    if (step.kind === 'prompt') continue;
    questions.push({
      id: step.id,
      prompt: pending,
      validDigits: (step.validDigits ?? []).join(''),
      timeoutSeconds: step.timeoutSeconds ?? IVR_DEFAULT_TIMEOUT_SECONDS,
      retries: step.retries ?? IVR_DEFAULT_RETRIES,
      ...(transfer ? { branches: { [transfer.digit]: 'agent' as const } } : {}),
    });
    pending = [];
  }
  const invalid = config.steps.find((s) => s.invalidSound)?.invalidSound;
  return {
    questions,
    invalidMedia: invalid ? [sound(invalid)] : [...defaults.invalidMedia],
    goodbyeMedia: [...pending, ...(config.goodbyeSound ? [sound(config.goodbyeSound)] : [])],
  };
}
