import { z } from 'zod';
import { ROLES } from '../../domain/roles';

export const userDto = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), extension: z.string().nullable(),
  language: z.enum(['en', 'vi']), active: z.boolean(), leadReceiving: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
});

const username = z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only');
const extension = z.string().trim().regex(/^[A-Za-z0-9*#+_-]{1,32}$/, 'a dialable extension').nullable();

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }).strict();
export const loginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: userDto });

export const createUserBody = z.object({
  username, displayName: z.string().trim().min(1).max(120), role: z.enum(ROLES), password: z.string().max(1024),
  extension: extension.optional(), language: z.enum(['en', 'vi']).optional(),
}).strict();

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(120).optional(), role: z.enum(ROLES).optional(), password: z.string().max(1024).optional(),
  currentPassword: z.string().max(1024).optional().describe('required when changing your own password'),
  extension: extension.optional(), language: z.enum(['en', 'vi']).optional(), active: z.boolean().optional(), leadReceiving: z.boolean().optional(),
}).strict();

export const groupDto = z.object({ id: z.number(), name: z.string(), description: z.string(), memberIds: z.array(z.number()), createdAt: z.string() });
export const groupBody = z.object({
  name: z.string().trim().min(1).max(120), description: z.string().max(2000).default(''),
  memberIds: z.array(z.number().int().positive()).max(10000).default([]),
}).strict();
