import assert from 'node:assert/strict';
import { topicAuthorizer } from '../../src/api/topic-authorizer';
import type { AuthenticatedUser } from '../../src/services/auth-service';
import { notFound } from '../../src/errors';

const user = (id: number, role: AuthenticatedUser['role']) => ({ id, role }) as AuthenticatedUser;
const allowed = topicAuthorizer({ get: ((_actor: unknown, id: number) => { if (id !== 7) throw notFound('campaign', id); }) as never });

describe('who may follow a WebSocket topic', () => {
  const table: [string, AuthenticatedUser, string, boolean][] = [
    ['an owner, an existing campaign', user(1, 'owner'), 'campaign:7', true],
    ['an admin, an existing campaign', user(2, 'admin'), 'campaign:7', true],
    ['an admin, a campaign they may not read', user(2, 'admin'), 'campaign:8', false],
    ['an agent, a campaign', user(3, 'agent'), 'campaign:7', false],
    ['a user, their own topic', user(3, 'agent'), 'user:3', true],
    ['a user, someone else\'s topic', user(3, 'agent'), 'user:4', false],
    ['anyone, an unknown topic', user(1, 'owner'), 'everything', false],
  ];
  for (const [who, actor, topic, expected] of table) {
    it(`when ${who} (${topic}), then ${expected ? 'allowed' : 'refused'}`, () => assert.equal(allowed(actor, topic), expected));
  }
});
