import { z } from 'zod';

/**
 * A sound as Asterisk names it for Playback (`custom/welcome`, no extension). Only letters, digits,
 * `_`, `-` and `/` between parts, so a name can never climb out of the sounds directory.
 */
export const soundName = z.string().max(200)
  .regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, 'a sound name such as custom/welcome (letters, digits, _ - and /)');
