// What /health reports: a database probe run at most once a second whatever the request rate
// (/health is public and unauthenticated, so it must not become a way to load the database), and
// the problems the server knows about (corrupt stored content, a read-only database, …), each
// reported once by the part that found it.
export interface HealthProblem {
  code: string
  message: string
}

export const PROBE_INTERVAL_MS = 1000

export class HealthMonitor {
  private readonly problems = new Map<string, string>()
  private last: { at: number; ok: boolean } | null = null
  private inFlight: Promise<boolean> | null = null

  constructor(
    /** resolves when the database answers, rejects when it does not */
    private readonly probe: () => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The database's state, probed at most once per PROBE_INTERVAL_MS; concurrent callers share one probe. */
  async databaseReachable(): Promise<boolean> {
    if (this.last && this.now() - this.last.at < PROBE_INTERVAL_MS) return this.last.ok
    if (!this.inFlight) {
      this.inFlight = this.probeNow().finally(() => {
        this.inFlight = null
      })
    }
    return this.inFlight
  }

  /** Probe the database now (databaseReachable calls this at most once a second). */
  async probeNow(): Promise<boolean> {
    let ok = true
    try {
      await this.probe()
    } catch {
      ok = false
    }
    this.last = { at: this.now(), ok }
    return ok
  }

  /** A request just failed because the database is away: health says so at once, not a second later. */
  noteDatabaseFailure(): void {
    this.last = { at: this.now(), ok: false }
  }

  /** Record a known problem (idempotent: the same code replaces its message). */
  report(code: string, message: string): void {
    this.problems.set(code, message)
  }

  resolve(code: string): void {
    this.problems.delete(code)
  }

  list(): HealthProblem[] {
    return [...this.problems].map(([code, message]) => ({ code, message }))
  }
}
