import { ROLES, type Role } from '../domain/roles';

interface TopicDeclaration {
  /** Roles that may ever follow a topic of this kind; topicAuthorizer then decides per id. */
  roles: readonly Role[];
  summary: string;
}

/**
 * Every kind of topic the WebSocket hub serves (`<kind>:<id>`), in one list: topicAuthorizer decides on it
 * (and must give each kind a rule for its id), and the OpenAPI document lists it under `x-websocket`, so the
 * route-table walk covers a new topic the day it is added.
 */
export const WS_TOPICS = {
  user: {
    roles: ROLES,
    summary: 'Messages for one user (agent.view, agent.event, agent.reminder, call.view — the click-to-call pop-up): only that user, who follows it from the moment the socket opens',
  },
  campaign: {
    roles: ['owner', 'admin'],
    summary: 'A campaign\'s supervisor view (campaign.live, at most every 0.5 s): owners, and admins who may read that campaign; never agents',
  },
} as const satisfies Record<string, TopicDeclaration>;

export type TopicKind = keyof typeof WS_TOPICS;

export const WS_PATH = '/ws';

export const topicOf = (kind: TopicKind, id: number): string => `${kind}:${id}`;

/** `campaign:7` → { kind: 'campaign', id: 7 }; undefined for anything the hub does not serve. */
export function parseTopic(topic: string): { kind: TopicKind; id: number } | undefined {
  const m = /^([a-z][a-z-]*):([1-9][0-9]{0,15})$/.exec(topic);
  if (!m || !Object.hasOwn(WS_TOPICS, m[1]!)) return undefined;
  const id = Number(m[2]);
  return Number.isSafeInteger(id) ? { kind: m[1] as TopicKind, id } : undefined;
}

/** The topics as the OpenAPI document shows them. */
export function topicDocument(): { path: string; topics: { topic: string; roles: readonly Role[]; summary: string }[] } {
  return {
    path: WS_PATH,
    topics: (Object.keys(WS_TOPICS) as TopicKind[]).map((k) => ({ topic: `${k}:{id}`, roles: WS_TOPICS[k].roles, summary: WS_TOPICS[k].summary })),
  };
}
