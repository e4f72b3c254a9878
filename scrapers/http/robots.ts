/**
 * robots.txt for HTML pages (RFC 9309). Documented public APIs do not need it; scraping a careers page
 * does. One fetch per origin, cached for a day (the RFC's upper bound).
 */
import robotsParser from 'robots-parser';
import { HttpError } from './errors';

/** Our product token in robots.txt groups ("User-agent: Elsewhere"). */
export const ROBOTS_USER_AGENT = 'Elsewhere';

/** RFC 9309 §2.5: parsers must read at least 500 KiB; more is not worth holding. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_CACHED_ORIGINS = 2000;

type Robot = ReturnType<typeof robotsParser>;

/**
 * Fetch the robots.txt of the origin being checked. Resolves with its text, resolves null when there
 * is none (a 4xx: everything allowed), throws when it is unreachable.
 */
export type FetchRobotsTxt = () => Promise<string | null>;

/** What robots.txt says about a URL. `allowed: false` names the rule or the reason. */
export type RobotsVerdict = { allowed: true } | { allowed: false; reason: string };

export class RobotsCache {
  private readonly entries = new Map<string, { expiresAt: number; robot: Promise<Robot | null> }>();

  /**
   * May our user agent fetch `url`? `url` is the address as the site knows it (with the real host
   * when an origin override sends the request elsewhere). `fetchRobotsTxt` is called on a cache miss.
   */
  async check(url: string, fetchRobotsTxt: FetchRobotsTxt): Promise<RobotsVerdict> {
    const { origin } = new URL(url);
    let robot: Robot | null;
    try {
      robot = await this.robotFor(origin, fetchRobotsTxt);
    } catch (error) {
      // RFC 9309 §2.3.1.4: when robots.txt is unreachable, assume everything is disallowed.
      const why = error instanceof Error ? error.message : String(error);
      return { allowed: false, reason: `${origin}/robots.txt could not be fetched (${why})` };
    }
    if (!robot || robot.isAllowed(url, ROBOTS_USER_AGENT) !== false) return { allowed: true };
    const line = robot.getMatchingLineNumber(url, ROBOTS_USER_AGENT);
    return { allowed: false, reason: `${origin}/robots.txt disallows it (line ${line})` };
  }

  private robotFor(origin: string, fetchRobotsTxt: FetchRobotsTxt): Promise<Robot | null> {
    const now = Date.now();
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > now) return cached.robot;
    if (this.entries.size >= MAX_CACHED_ORIGINS) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const robotsUrl = `${origin}/robots.txt`;
    const robot = fetchRobotsTxt().then((text) => (text === null ? null : robotsParser(robotsUrl, text)));
    this.entries.set(origin, { expiresAt: now + CACHE_TTL_MS, robot });
    // Only successes are cached: an unreachable robots.txt is asked again next time.
    robot.catch(() => {
      if (this.entries.get(origin)?.robot === robot) this.entries.delete(origin);
    });
    return robot;
  }
}

/** Map a robots.txt fetch failure the RFC way: a 4xx means "no robots.txt", anything else is unreachable. */
export function isMissingRobotsTxt(error: unknown): boolean {
  return (
    error instanceof HttpError &&
    error.status !== null &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429
  );
}
