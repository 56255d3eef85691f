import { z } from 'zod';
import type { ClickToCallDesk } from '../../dialer/click-to-call/click-to-call-desk';
import { DialerError, forbidden } from '../../errors';
import type { AuthenticatedUser } from '../../services/auth-service';
import type { ClickToCallService } from '../../services/calls/click-to-call-service';
import { AGENTS, ANY_USER, defineRoute, type RouteSpec } from '../route';
import { clickToCallBody, clickToCallDto, closeCallBody, closedCallDto, contactCallDto, contactNoteDto, currentCallDto } from '../schemas/call-schemas';
import { idParams } from '../schemas/common';
import { noBody } from '../schemas/pagination';
import type { DialerHandle } from './agent-routes';

function deskOf(dialer: DialerHandle, actor: AuthenticatedUser): ClickToCallDesk {
  if (actor.role !== 'agent') throw forbidden('only agents place calls');
  const d = dialer();
  if (!d) throw new DialerError('E_TELEPHONY_UNAVAILABLE', 'the dialer is not running');
  return d.calls;
}

/** The desk holding the agent's open call: an inbound call they took, else their click-to-call. */
function openDeskOf(dialer: DialerHandle, actor: AuthenticatedUser): Pick<ClickToCallDesk, 'current' | 'hangup' | 'close' | 'closed'> {
  const calls = deskOf(dialer, actor);
  const inbound = dialer()!.inbound;
  return inbound.current(actor.id) && !calls.current(actor.id) ? inbound : calls;
}

/** Click-to-call (issue 15 item 1): the agent's one open call outside campaigns, and the notes it leaves on contacts. */
export function callRoutes(calls: ClickToCallService, dialer: DialerHandle): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/api/calls', tag: 'calls', roles: AGENTS, status: 200,
      summary: 'Click-to-call: ring the agent\'s phone, then the number (one of the contact\'s phones, or typed in). '
        + 'Refused (409) while the agent is OFF, on a campaign call, in wrap-up, ready in a campaign, or outside calling hours; '
        + 'a number on the DNC list or blacklist is never dialled',
      body: clickToCallBody, response: clickToCallDto,
      handler: ({ actor, body }) => calls.start(actor, deskOf(dialer, actor), body),
    }),
    defineRoute({
      method: 'get', path: '/api/calls/current', tag: 'calls', roles: AGENTS, summary: 'The agent\'s open call: their click-to-call, or an inbound call they took (direction inbound); null when none',
      response: currentCallDto,
      handler: ({ actor }) => ({ call: openDeskOf(dialer, actor).current(actor.id) }),
    }),
    defineRoute({
      method: 'post', path: '/api/calls/current/hangup', tag: 'calls', roles: AGENTS, status: 200, summary: 'End the agent\'s click-to-call',
      body: noBody, response: clickToCallDto,
      handler: ({ actor }) => openDeskOf(dialer, actor).hangup(actor.id),
    }),
    defineRoute({
      method: 'post', path: '/api/calls/current/close', tag: 'calls', roles: AGENTS, status: 200,
      summary: 'Save and close: stores the note on the contact (time, agent, call) and on the call record, and closes the call (once it has ended)',
      body: closeCallBody, response: closedCallDto,
      handler: ({ actor, body }) => calls.close(actor, openDeskOf(dialer, actor), body.note),
    }),
    defineRoute({
      method: 'get', path: '/api/contacts/:id/notes', tag: 'contacts', roles: ANY_USER, summary: 'The notes on a contact, newest first, with the agent and the call each was written for',
      params: idParams, response: z.object({ notes: z.array(contactNoteDto) }),
      handler: ({ actor, params }) => ({ notes: calls.notesOf(actor, params.id) }),
    }),
    defineRoute({
      method: 'get', path: '/api/contacts/:id/calls', tag: 'contacts', roles: ANY_USER,
      summary: 'The contact\'s call history, newest first (at most 100): flow, direction, agent, times, cause, outcome and note of each call',
      params: idParams, response: z.object({ calls: z.array(contactCallDto) }),
      handler: ({ actor, params }) => ({ calls: calls.callsOf(actor, params.id) }),
    }),
  ];
}
