/**
 * The Cookie header a client sends back after `response`: every cookie it set, not only the
 * first (login sets the facilitator cookie and the known-browser one the login back-off reads).
 */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((set) => set.split(';')[0])
    .join('; ');
}
