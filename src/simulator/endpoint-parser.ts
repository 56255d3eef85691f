import { AriHttpError, allocationFailed } from './http-error';
import type { ResolvedSimOptions } from './simulator-options';

/** Who a dial string reaches in the simulated world. */
export type ParsedEndpoint =
  | {
      readonly kind: 'local';
      readonly exten: string;
      readonly context: string;
      /** null: the context has no such extension (the channel dies at once, cause 0). */
      readonly party: 'customer' | 'agent' | null;
    }
  | {
      readonly kind: 'pjsip';
      /** PJSIP endpoint name: the trunk, or the phone. */
      readonly endpointName: string;
      readonly exten: string;
      readonly party: 'customer' | 'agent';
    };

/**
 * `Local/<number>@sim-customers` and `PJSIP/<number>@<trunk>` reach the simulated customers,
 * `Local/<ext>@sim-agents` and `PJSIP/<ext>` the agent phones. What the real server answers for
 * the rest: no technology → 400, unknown technology or PJSIP endpoint → 500 "Allocation failed".
 */
export function parseEndpoint(endpoint: string, options: ResolvedSimOptions): ParsedEndpoint {
  const slash = endpoint.indexOf('/');
  if (slash <= 0) throw new AriHttpError(400, 'Invalid endpoint specified');
  const tech = endpoint.slice(0, slash).toLowerCase();
  const resource = endpoint.slice(slash + 1);
  if (tech === 'local') return parseLocal(resource);
  if (tech === 'pjsip') return parsePjsip(resource, options);
  throw allocationFailed();
}

function parseLocal(resource: string): ParsedEndpoint {
  const bare = resource.replace(/\/[a-z]+$/i, '');
  const at = bare.indexOf('@');
  const exten = at < 0 ? bare : bare.slice(0, at);
  const context = at < 0 ? 'default' : bare.slice(at + 1);
  const party = context === 'sim-customers' ? 'customer' : context === 'sim-agents' ? 'agent' : null;
  return { kind: 'local', exten, context, party };
}

function parsePjsip(resource: string, options: ResolvedSimOptions): ParsedEndpoint {
  const at = resource.indexOf('@');
  if (at >= 0) {
    const trunk = resource.slice(at + 1);
    if (!options.trunks.includes(trunk)) throw allocationFailed();
    return { kind: 'pjsip', endpointName: trunk, exten: resource.slice(0, at), party: 'customer' };
  }
  if (!/^\d+$/.test(resource) || options.unregisteredEndpoints.includes(resource)) throw allocationFailed();
  return { kind: 'pjsip', endpointName: resource, exten: resource, party: 'agent' };
}
