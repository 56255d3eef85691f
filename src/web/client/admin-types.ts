/** The API's answers as the admin pages read them (see GET /api/openapi.json). */
export type Role = 'owner' | 'admin' | 'agent';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  extension: string | null;
  language: 'en' | 'vi';
  active: boolean;
  leadReceiving: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Group {
  id: number;
  name: string;
  description: string;
  memberIds: number[];
  createdAt: string;
}

/** Owners manage everyone; admins manage agents (the server decides; this only hides what would be refused). */
export const canManageRole = (me: { role: Role }, role: Role): boolean => me.role === 'owner' || (me.role === 'admin' && role === 'agent');
