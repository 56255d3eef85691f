import type { Logger } from 'winston';
import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import { BlockListRepository } from '../store/block-list-repository';
import { ContactGroupRepository } from '../store/contact-group-repository';
import { ContactRepository } from '../store/contact-repository';
import { ContactSearch } from '../store/contact-search';
import { ContactWriter } from '../store/contact-writer';
import type { Db } from '../store/database';
import { LeadRotationRepository } from '../store/lead-rotation-repository';
import { NameIndexBulkLoad } from '../store/name-index-bulk-load';
import { SavedFilterRepository } from '../store/saved-filter-repository';
import type { UserRepository } from '../store/user-repository';
import type { CampaignRepository } from '../store/campaign-repository';
import { CampaignListRepository } from '../store/campaign-list-repository';
import { CampaignListService } from './campaign-list-service';
import { CampaignListExportService } from './campaign-list-export-service';
import path from 'node:path';
import { BlockListService } from './block-list-service';
import { ContactExportService } from './contact-export-service';
import { ImportJobRepository } from '../store/import-job-repository';
import { ImportService } from './import-service';
import { WorkerImportRunner, type ImportRunner } from './import-runner';
import { ContactListService } from './contact-list-service';
import { ContactService } from './contact-service';
import { LeadService } from './lead-service';

/** Contacts, leads, block lists, saved filters and groups (issue 4), wired from one database. */
export function createContactServices(db: Db, config: Config, clock: Clock, log: Logger, users: UserRepository, campaigns: CampaignRepository) {
  const region = config.phone.defaultRegion;
  const contactRepo = new ContactRepository(db);
  const search = new ContactSearch(db);
  const blockRepo = new BlockListRepository(db);
  const writer = new ContactWriter(db, contactRepo, new LeadRotationRepository(db), blockRepo);
  const savedFilters = new SavedFilterRepository(db);
  const groups = new ContactGroupRepository(db, search);
  const contacts = new ContactService(contactRepo, writer, search, savedFilters, users, clock, region, log.child({ component: 'contacts' }));
  const entries = new CampaignListRepository(db, search);
  const campaignLists = new CampaignListService(entries, campaigns, contacts, search, clock, log.child({ component: 'campaign-lists' }));
  const runner: ImportRunner = new WorkerImportRunner(db.name, config.import.cacheMb);
  const imports = new ImportService(new ImportJobRepository(db), runner, clock, {
    uploadDir: path.join(config.dataDir, 'imports'), region, batchRows: config.import.batchRows, maxReportRows: config.import.maxReportRows,
  }, log.child({ component: 'imports' }), new NameIndexBulkLoad(db), (actor, campaignId) => { campaignLists.checkCanAdd(actor, campaignId); });
  imports.recoverInterrupted();
  return {
    contacts,
    imports,
    exports: new ContactExportService(contacts, contactRepo, search, users),
    campaignLists,
    campaignListExports: new CampaignListExportService(campaignLists, entries, contactRepo, users),
    leads: new LeadService(db, users, clock, log.child({ component: 'leads' })),
    blockLists: new BlockListService(blockRepo, clock, region, log.child({ component: 'block-lists' })),
    lists: new ContactListService(savedFilters, groups, clock),
    repos: { contacts: contactRepo, search, blocks: blockRepo, savedFilters, groups, campaignEntries: entries },
  };
}

export type ContactServices = ReturnType<typeof createContactServices>;
