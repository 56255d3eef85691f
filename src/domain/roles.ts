export const ROLES = ['owner', 'admin', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export type UserId = number;

/** Who is acting: what every permission rule in the domain is decided on. */
export interface Actor {
  id: UserId;
  role: Role;
}
