import { builtinAgentPlan, builtinCustomerPlan, planFromSpec, type BehaviourSpec, type CallPlan } from './party-behaviour';
import type { SeededRandom } from './seeded-random';

/** A number, a prefix ending in `*` ('0915*', '*' for every number), or a regular expression. */
export type NumberPattern = string | RegExp;

export interface MixEntry {
  readonly weight: number;
  readonly behaviour: BehaviourSpec;
}

export interface RuleScope {
  /** Only customers (sim-customers, trunks) or only agents (sim-agents, phones); default both. */
  readonly party?: CallPlan['party'];
}

interface Rule {
  readonly matches: (exten: string) => boolean;
  readonly party: CallPlan['party'] | undefined;
  readonly pick: () => BehaviourSpec;
}

function matcher(pattern: NumberPattern): (exten: string) => boolean {
  if (pattern instanceof RegExp) return (exten) => pattern.test(exten);
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return (exten) => exten.startsWith(prefix);
  }
  return (exten) => exten === pattern;
}

/**
 * Who answers which number. Scripted rules (newest first) win over the reference dialplan's
 * numbers (0900…0909, 8XXX, 9XXX, …); a mix picks a behaviour per call with the seeded random source.
 */
export class BehaviourBook {
  private rules: Rule[] = [];

  constructor(private readonly rng: SeededRandom) {}

  set(pattern: NumberPattern, spec: BehaviourSpec, scope: RuleScope = {}): void {
    this.rules.unshift({ matches: matcher(pattern), party: scope.party, pick: () => spec });
  }

  setMix(pattern: NumberPattern, mix: readonly MixEntry[], scope: RuleScope = {}): void {
    const entries = mix.map((m) => ({ weight: m.weight, value: m.behaviour }));
    this.rng.weighted(entries);
    this.rules.unshift({ matches: matcher(pattern), party: scope.party, pick: () => this.rng.weighted(entries) });
  }

  clear(): void {
    this.rules = [];
  }

  /** The plan for one call to `exten`; null means the extension does not exist. */
  resolve(party: CallPlan['party'], exten: string): CallPlan | null {
    for (const rule of this.rules) {
      if ((rule.party === undefined || rule.party === party) && rule.matches(exten)) return planFromSpec(rule.pick(), party);
    }
    return party === 'agent' ? builtinAgentPlan(exten) : builtinCustomerPlan(exten);
  }
}
