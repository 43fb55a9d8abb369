import type { Clock } from '../../src/index.js';

/** A clock whose sleeps return at once and move time forward; it records every sleep. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = Date.parse('2026-11-25T17:00:00Z')) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}
