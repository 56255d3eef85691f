import { DialerError } from '../errors';

/** Endpoint templates from config: `PJSIP/{number}@trunk`, `PJSIP/{extension}`, `Local/{number}@sim-customers`. */
export interface EndpointTemplates {
  customer: string;
  agent: string;
}

// A number or extension is put into a dial string: only characters a dial string cannot misread.
const NUMBER = /^\+?[0-9*#]{1,32}$/;
const EXTENSION = /^[A-Za-z0-9_+*#-]{1,40}$/;

export function endpointFor(t: EndpointTemplates, target: { kind: 'customer'; number: string } | { kind: 'agent'; extension: string }): string {
  if (target.kind === 'customer') {
    if (!NUMBER.test(target.number)) throw new DialerError('E_VALIDATION', 'a customer number may hold digits, * and # only (and a leading +)', 'number');
    return t.customer.replaceAll('{number}', target.number);
  }
  if (!EXTENSION.test(target.extension)) throw new DialerError('E_VALIDATION', 'an agent extension may hold letters, digits, _ - + * # only', 'extension');
  return t.agent.replaceAll('{extension}', target.extension);
}
