/** Timer effects a decider emits; the runner owns the real timers and feeds back `timerFired` inputs. */
export type TimerEffect = { kind: 'startTimer'; name: string; ms: number } | { kind: 'cancelTimer'; name: string };
