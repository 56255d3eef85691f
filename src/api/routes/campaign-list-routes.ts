import { z } from 'zod';
import type { CampaignListExportService } from '../../services/campaign-list-export-service';
import type { CampaignListService } from '../../services/campaign-list-service';
import type { ContactService } from '../../services/contact-service';
import { CSV_TYPE } from '../../services/import-templates';
import { STAFF, defineRoute, type RouteSpec } from '../route';
import { idParams } from '../schemas/common';
import {
  addToListBody, addToListDto, campaignEntryDto, campaignListExportBody, duplicateGroupDto, entryQuery, resolveDuplicateBody,
} from '../schemas/campaign-list-schemas';
import { noBody, pagedOf, pageQueryFields } from '../schemas/pagination';
import { sendFile, startDownload } from '../send-file';
import { toContactQuery } from './contact-routes';

const dayStart = (d: string) => (d.length === 10 ? `${d}T00:00:00.000Z` : new Date(d).toISOString());
const dayEnd = (d: string) => (d.length === 10 ? `${d}T23:59:59.999Z` : new Date(d).toISOString());

export function campaignListRoutes(lists: CampaignListService, exporter: CampaignListExportService, contacts: ContactService): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/api/campaigns/:id/list', tag: 'campaign-lists', roles: STAFF, status: 200,
      summary: 'Add contacts to the campaign\'s list: by id, a filter, a saved filter or a group (a file: POST /api/imports, then start with campaignId). DNC and blacklisted contacts enter as dnc / blocked.',
      params: idParams, body: addToListBody, response: addToListDto,
      handler: ({ actor, params, body }) => {
        if (body.contactIds) return lists.add(actor, params.id, { contactIds: body.contactIds }, body.dedupe);
        if (body.groupId !== undefined) return lists.add(actor, params.id, { groupId: body.groupId }, body.dedupe);
        return lists.add(actor, params.id, { filter: toContactQuery({ ...(body.filter ?? {}), savedFilterId: body.savedFilterId }) }, body.dedupe);
      },
    }),
    defineRoute({
      method: 'get', path: '/api/campaign-entries', tag: 'campaign-lists', roles: STAFF,
      summary: 'Search campaign lists by campaign, contact name, phone, status, agent and time added; latest added first',
      query: entryQuery, response: pagedOf(campaignEntryDto),
      handler: ({ actor, query }) => {
        const { limit, offset, status, phone, addedFrom, addedTo, ...rest } = query;
        const found = lists.list(actor, {
          ...rest, statuses: status, phone: phone === undefined ? undefined : contacts.searchPhone(phone),
          addedFrom: addedFrom && dayStart(addedFrom), addedTo: addedTo && dayEnd(addedTo),
        }, { limit, offset });
        return { ...found, limit, offset };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/campaign-entries/:id', tag: 'campaign-lists', roles: STAFF, summary: 'One campaign list entry', params: idParams, response: campaignEntryDto,
      handler: ({ actor, params }) => lists.get(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/campaign-entries/:id/pause', tag: 'campaign-lists', roles: STAFF, status: 200,
      summary: 'Pause one contact in its campaign (not while it is called)', params: idParams, body: noBody, response: campaignEntryDto,
      handler: ({ actor, params }) => lists.pause(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/campaign-entries/:id/resume', tag: 'campaign-lists', roles: STAFF, status: 200,
      summary: 'Resume a paused contact: it returns to the status it waited in', params: idParams, body: noBody, response: campaignEntryDto,
      handler: ({ actor, params }) => lists.resume(actor, params.id),
    }),
    defineRoute({
      method: 'delete', path: '/api/campaign-entries/:id', tag: 'campaign-lists', roles: STAFF, summary: 'Remove a contact from this campaign only (the contact stays)',
      params: idParams,
      handler: ({ actor, params }) => { lists.remove(actor, params.id); },
    }),
    defineRoute({
      method: 'get', path: '/api/campaigns/:id/duplicates', tag: 'campaign-lists', roles: STAFF, summary: 'Phones more than one entry of the campaign has, with those entries',
      params: idParams, query: z.object(pageQueryFields).strict(), response: pagedOf(duplicateGroupDto),
      handler: ({ actor, params, query }) => ({ ...lists.duplicates(actor, params.id, query), limit: query.limit, offset: query.offset }),
    }),
    defineRoute({
      method: 'post', path: '/api/campaigns/:id/duplicates/resolve', tag: 'campaign-lists', roles: STAFF, status: 200,
      summary: 'For one repeated phone, keep one entry (the others are removed) or keep them all',
      params: idParams, body: resolveDuplicateBody, response: z.object({ removed: z.number(), kept: z.number() }),
      handler: ({ actor, params, body }) => lists.resolveDuplicate(actor, params.id,
        body.keep === 'one' ? { phone: body.phone, keep: 'one', entryId: body.entryId! } : { phone: body.phone, keep: 'all' }),
    }),
    defineRoute({
      method: 'post', path: '/api/campaigns/:id/dedupe', tag: 'campaign-lists', roles: STAFF, status: 200,
      summary: 'Remove every repeat of a phone but its earliest entry (entries kept on purpose and live calls excepted)',
      params: idParams, body: noBody, response: z.object({ removed: z.number() }),
      handler: ({ actor, params }) => lists.dedupe(actor, params.id),
    }),
    defineRoute({
      method: 'post', path: '/api/exports/campaign-list', tag: 'campaign-lists', roles: STAFF, status: 200, produces: 'application/octet-stream',
      summary: 'Download a campaign\'s list with statuses, attempts and dispositions: CSV (streamed) or .xlsx (up to 100,000 rows)',
      body: campaignListExportBody,
      handler: async ({ actor, body, res }) => {
        if (body.format === 'xlsx') return sendFile(res, await exporter.xlsx(actor, body.campaignId));
        exporter.check(actor, body.campaignId);
        const download = startDownload(res, `campaign-${body.campaignId}-list.csv`, CSV_TYPE);
        await exporter.writeCsv(actor, body.campaignId, download);
        download.end();
      },
    }),
  ];
}
