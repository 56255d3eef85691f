import type { User } from '../../store/user-repository';

/**
 * The demo agents the dialer simulates: the ones seedDemoUsers made (agent2, agent3, … named "Demo agent N"),
 * never agent1, which stays free for the person trying the demo, nor any agent someone added.
 */
export function demoAgentIds(users: readonly User[]): number[] {
  return users.filter((u) => {
    const n = /^agent(\d+)$/.exec(u.username)?.[1];
    return u.role === 'agent' && u.active && n !== undefined && Number(n) >= 2 && u.displayName === `Demo agent ${Number(n)}`;
  }).map((u) => u.id);
}
