/**
 * A session's join link on this server, in full (for the QR code) and short
 * (host and code, for people to type from the projector).
 */
export function joinUrl(
  sid: string,
  where: Pick<Location, 'origin' | 'pathname'> = location,
): string {
  return `${where.origin}${where.pathname}#session=${sid}`;
}

/** The short link as two lines' worth: the host (and path), then `#session=code`, so it never breaks inside the code. */
export function shortJoinParts(
  sid: string,
  where: Pick<Location, 'host' | 'pathname'> = location,
): [string, string] {
  return [`${where.host}${where.pathname}`, `#session=${sid}`];
}

export function shortJoinLink(
  sid: string,
  where: Pick<Location, 'host' | 'pathname'> = location,
): string {
  return `${where.host}${where.pathname}#session=${sid}`;
}
