import type { Timers } from '../domain/clock';

/** Asterisk's soft-hangup flag for a shutdown or restart, as ChannelHangupRequest reports it with `soft: true`. */
export const SOFT_HANGUP_SHUTDOWN = 4;

export interface PbxWatchOptions {
  timers: Timers;
  /** One cheap request (GET /asterisk/info): true when Asterisk answered it. */
  answers(): Promise<boolean>;
  /** Asterisk answers again on the socket we have: resynchronise and take calls again. */
  back(): void;
  /** Between two looks while Asterisk is suspected to be going away (default 500 ms). */
  intervalMs?: number;
  /** Good answers in a row, with no bad one seen, that call off a false alarm (default 3). */
  falseAlarmAfter?: number;
}

/**
 * Tells when Asterisk is going away before the WebSocket says so. On `core restart now` Asterisk 22 first
 * soft-hangs-up every channel (cause 4), refuses new channels ("Allocation failed") for a moment, then answers
 * every HTTP request and WebSocket upgrade with 503 "Shutdown in progress" for about a second, and only then
 * closes the socket (1006). Calls placed in that window fail, and must not be blamed on a number or an agent.
 *
 * Once suspected (`suspect`), it looks at Asterisk every intervalMs while the socket stays open. The socket
 * closing and opening again is the usual end (the owner resynchronises then, and calls `clear`); Asterisk
 * answering again on the same socket after a bad answer is a shutdown called off (`core abort shutdown`), and
 * several good answers with no bad one a false alarm: either way `back` is called.
 */
export class PbxWatch {
  private suspicion: { sawDown: boolean; goodAnswers: number } | null = null;
  private socketOpen = false;
  private timer: unknown;
  private stopped = false;

  constructor(private readonly o: PbxWatchOptions) {}

  get suspected(): boolean { return this.suspicion !== null; }

  /** Evidence that Asterisk is going away; `down` when Asterisk itself refused a request. */
  suspect(down = false): void {
    if (this.stopped) return;
    if (this.suspicion) {
      this.suspicion.sawDown ||= down;
      return;
    }
    this.suspicion = { sawDown: down, goodAnswers: 0 };
    this.schedule();
  }

  /** Asterisk is known to be there (a resync went through). */
  clear(): void {
    this.suspicion = null;
    this.o.timers.clearTimeout(this.timer);
  }

  socketChanged(open: boolean): void {
    this.socketOpen = open;
    if (open) this.schedule();
    else this.o.timers.clearTimeout(this.timer);
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private schedule(): void {
    this.o.timers.clearTimeout(this.timer);
    if (!this.suspicion || !this.socketOpen || this.stopped) return;
    this.timer = this.o.timers.setTimeout(() => void this.look(), this.o.intervalMs ?? 500);
  }

  private async look(): Promise<void> {
    const s = this.suspicion;
    if (!s || !this.socketOpen) return;
    const up = await this.o.answers();
    if (this.suspicion !== s || this.stopped) return; // cleared meanwhile (a reconnect resynchronised)
    if (!up) s.sawDown = true;
    else s.goodAnswers++;
    if (up && (s.sawDown || s.goodAnswers >= (this.o.falseAlarmAfter ?? 3)) && this.socketOpen) {
      this.clear();
      this.o.back();
      return;
    }
    this.schedule();
  }
}
