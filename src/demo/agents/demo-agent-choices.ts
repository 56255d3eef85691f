import type { ScriptAnswer } from '../../domain/dialer/dial-attempt';
import type { RandomSource } from '../../domain/dialer/seeded-random';
import type { Disposition } from '../../domain/disposition';
import type { Script } from '../../domain/script';

/** A whole number of ms in [min, max). */
export const between = (random: RandomSource, min: number, max: number): number => Math.floor(min + random() * (max - min));

/** One of the items, by weight. */
export function weighted<T>(random: RandomSource, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = random() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** What answered customers come to, as a call-centre team of a renewal campaign sees it (percentages). */
export const DISPOSITION_MIX: readonly (readonly [Exclude<Disposition, 'skip'>, number])[] = [
  ['not_interested', 34], ['interested', 26], ['callback', 20], ['closed_deal', 13], ['do_not_call_again', 7],
];

const NOTES: Record<Exclude<Disposition, 'skip'>, readonly string[]> = {
  closed_deal: ['Renewed for one more year', 'Signed up, sending the contract by email', 'Agreed to the family plan'],
  interested: ['Wants the brochure first', 'Comparing with another offer', 'Asked for the price list'],
  not_interested: ['Already covered elsewhere', 'Not interested this year', 'Too expensive for now'],
  callback: ['Busy now, call back later', 'Asked to call back after work', 'Will talk to the family first'],
  do_not_call_again: ['Asked not to be called again', 'Wrong person, remove the number'],
};

/**
 * Script answers as an agent fills them on the page, in line with the disposition: the first single-choice
 * question reads as the customer's interest (first option yes, last option no, the middle ones maybe), the
 * others get a plausible pick, free text a short note.
 */
export function answersFor(script: Script, disposition: Exclude<Disposition, 'skip'>, random: RandomSource): ScriptAnswer[] {
  let interestAsked = false;
  return script.questions.map((q): ScriptAnswer => {
    if (q.kind === 'free_text') {
      const notes = NOTES[disposition];
      return { questionId: q.id, value: notes[Math.floor(random() * notes.length)]! };
    }
    if (q.kind === 'single_choice') {
      const o = q.options;
      if (!interestAsked) {
        interestAsked = true;
        const positive = disposition === 'closed_deal' || disposition === 'interested';
        const negative = disposition === 'not_interested' || disposition === 'do_not_call_again';
        const middle = o.length > 2 ? o[1 + Math.floor(random() * (o.length - 2))]! : o[0]!;
        return { questionId: q.id, value: positive ? o[0]! : negative ? o[o.length - 1]! : middle };
      }
      return { questionId: q.id, value: o[Math.floor(random() * o.length)]! };
    }
    const picked = q.options.filter(() => random() < 0.4);
    return { questionId: q.id, value: picked.length > 0 ? picked : [q.options[Math.floor(random() * q.options.length)]!] };
  });
}

/** A callback the customer asked for: later today or in the next two days, on a quarter hour. */
export function callbackTime(now: Date, random: RandomSource): Date {
  const quarter = 15 * 60_000;
  const at = now.getTime() + between(random, 2 * 3600_000, 48 * 3600_000);
  return new Date(Math.ceil(at / quarter) * quarter);
}
