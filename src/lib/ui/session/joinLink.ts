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

export function shortJoinLink(
  sid: string,
  where: Pick<Location, 'host' | 'pathname'> = location,
): string {
  return `${where.host}${where.pathname}#session=${sid}`;
}
