import type { Logger } from 'winston';
import type { Campaign } from '../domain/campaign';
import type { DialingMode } from '../domain/dialing-mode';
import type { Actor } from '../domain/roles';
import type { Services } from '../services/create-services';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Châu', 'Quốc Dũng', 'Thu Hà', 'Gia Huy', 'Ngọc Lan', 'Đức Minh', 'Thanh Tâm', 'Hải Yến'];

/** Demo customers: Vietnamese names and mobile numbers, which the demo simulator answers with a random mix. */
export function demoContacts(count: number): { name: string; phones: string[]; tags: string[] }[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
    phones: [`09${String(12_000_000 + i * 37).padStart(8, '0')}`],
    tags: ['demo'],
  }));
}

/**
 * Demo mode on a fresh database: a script and two running campaigns (preview and predictive) with
 * demo customers and every demo agent assigned, so `make run` shows the dialer at work with no PBX.
 */
export async function seedDemoCampaigns(services: Services, ownerId: number, agentIds: number[], log: Logger): Promise<Campaign[]> {
  const owner: Actor = { id: ownerId, role: 'owner' };
  const script = services.scripts.create(owner, {
    name: 'Demo: insurance renewal',
    sharing: 'all_admins',
    guidance: 'Greet the customer by name, introduce yourself and the company, then ask the questions below.',
    questions: [
      { kind: 'single_choice', text: 'Is the customer interested in renewing?', options: ['Yes', 'Maybe later', 'No'] },
      { kind: 'multiple_choice', text: 'Which products were discussed?', options: ['Health', 'Car', 'Home', 'Travel'] },
      { kind: 'free_text', text: 'Notes', options: [] },
    ],
  });
  const contacts = demoContacts(60).map((c) => services.crm.contacts.create(owner, c));
  const campaigns: [string, DialingMode, number[]][] = [
    ['Demo: preview renewals', 'preview', contacts.slice(0, 30).map((c) => c.id)],
    ['Demo: predictive renewals', 'predictive', contacts.slice(30).map((c) => c.id)],
  ];
  const made: Campaign[] = [];
  for (const [name, mode, contactIds] of campaigns) {
    const campaign = services.campaigns.create(owner, {
      name, dialingMode: mode, scriptId: script.id, agentIds, managerIds: [ownerId],
      previewSeconds: mode === 'preview' ? 15 : null, wrapUpSeconds: 20, retryMinutes: 5,
      timezone: 'Asia/Ho_Chi_Minh', callingHours: { start: '00:00', end: '24:00', weekdays: [1, 2, 3, 4, 5, 6, 7] },
    });
    await services.crm.campaignLists.add(owner, campaign.id, { contactIds }, true);
    for (const action of ['submit', 'approve', 'activate'] as const) services.campaigns.act(owner, campaign.id, action);
    made.push(services.campaigns.get(owner, campaign.id));
  }
  log.info('demo campaigns created', { campaigns: campaigns.map(([name]) => name) });
  return made;
}
