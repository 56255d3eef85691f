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
import { SavedFilterRepository } from '../store/saved-filter-repository';
import type { UserRepository } from '../store/user-repository';
import { BlockListService } from './block-list-service';
import { ContactListService } from './contact-list-service';
import { ContactService } from './contact-service';
import { LeadService } from './lead-service';

/** Contacts, leads, block lists, saved filters and groups (issue 4), wired from one database. */
export function createContactServices(db: Db, config: Config, clock: Clock, log: Logger, users: UserRepository) {
  const region = config.phone.defaultRegion;
  const contactRepo = new ContactRepository(db);
  const search = new ContactSearch(db);
  const blockRepo = new BlockListRepository(db);
  const writer = new ContactWriter(db, contactRepo, new LeadRotationRepository(db), blockRepo);
  const savedFilters = new SavedFilterRepository(db);
  const groups = new ContactGroupRepository(db, search);
  const contacts = new ContactService(contactRepo, writer, search, savedFilters, users, clock, region, log.child({ component: 'contacts' }));
  return {
    contacts,
    leads: new LeadService(db, users, clock, log.child({ component: 'leads' })),
    blockLists: new BlockListService(blockRepo, clock, region, log.child({ component: 'block-lists' })),
    lists: new ContactListService(savedFilters, groups, clock),
    repos: { contacts: contactRepo, search, blocks: blockRepo, savedFilters, groups },
  };
}

export type ContactServices = ReturnType<typeof createContactServices>;
