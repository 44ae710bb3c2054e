import type { Hono } from 'hono';
import { createComment, type Comment } from '../../lib/comments/schema';
import {
  CSRF_HEADER,
  DEVICE_HEADER,
  FACILITATOR_COOKIE,
  KNOWN_BROWSER_COOKIE,
  type Session,
} from '../../lib/consultation/api';
import { PASSWORD } from './databases';

/** A browser-like caller of the API through `app.request()`: keeps its cookie, sends Origin, JSON bodies. */
export class TestClient {
  cookie = '';
  /** The facilitator's known-browser cookie, kept across logouts like a browser keeps it. */
  knownBrowser = '';
  csrf = '';
  /** Sent with every request (e.g. X-Forwarded-For for a server that trusts a proxy). */
  headers: Record<string, string> = {};
  constructor(
    readonly app: Hono,
    readonly origin = 'http://lh.test',
  ) {}

  async request(
    method: string,
    path: string,
    options: {
      json?: unknown;
      body?: string;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Origin: this.origin,
      ...this.headers,
      ...options.headers,
    };
    const cookies = [this.cookie, this.knownBrowser].filter(Boolean);
    if (cookies.length) headers.Cookie = cookies.join('; ');
    if (options.csrf !== false && this.csrf) headers[CSRF_HEADER] ??= this.csrf;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await this.app.request(`${this.origin}${path}`, { method, headers, body });
    for (const set of response.headers.getSetCookie()) {
      const pair = set.split(';')[0]!;
      const value = /Max-Age=0/i.test(set) ? '' : pair;
      if (pair.startsWith(`${FACILITATOR_COOKIE}=`)) this.cookie = value;
      else if (pair.startsWith(`${KNOWN_BROWSER_COOKIE}=`)) this.knownBrowser = value;
    }
    return response;
  }

  /** Logs in; without `username`, as the first account (the body logins sent before named accounts). */
  async login(password = PASSWORD, username?: string): Promise<Response> {
    const json = username === undefined ? { password } : { username, password };
    const response = await this.request('POST', '/api/auth/login', { json });
    if (response.ok) this.csrf = ((await response.clone().json()) as { csrf: string }).csrf;
    return response;
  }

  async createSession(title = '头门港 public session', extra: object = {}): Promise<Session> {
    const response = await this.request('POST', '/api/sessions', { json: { title, ...extra } });
    if (response.status !== 201)
      throw new Error(`create session: ${response.status} ${await response.text()}`);
    return (await response.json()) as Session;
  }
}

/** A participant's phone: a device token for one session. */
export class Phone {
  constructor(
    readonly client: TestClient,
    readonly sid: string,
    public token = '',
  ) {}

  static async join(client: TestClient, sid: string): Promise<Phone> {
    const response = await client.request('POST', `/api/sessions/${sid}/devices`);
    if (response.status !== 201) throw new Error(`join: ${response.status}`);
    return new Phone(client, sid, ((await response.json()) as { token: string }).token);
  }

  put(comment: Comment, headers: Record<string, string> = {}): Promise<Response> {
    return this.client.request('PUT', `/api/sessions/${this.sid}/comments/${comment.id}`, {
      json: comment,
      headers: { [DEVICE_HEADER]: this.token, ...headers },
    });
  }

  post(path: string, json?: unknown): Promise<Response> {
    return this.client.request('POST', `/api/sessions/${this.sid}${path}`, {
      json,
      headers: { [DEVICE_HEADER]: this.token },
    });
  }
}

let counter = 0;
export function sampleComment(
  text = '希望在头门港附近增加公交线路',
  at = new Date('2026-12-02T08:00:00Z'),
): Comment {
  counter++;
  return createComment(
    { kind: 'idea', text: `${text} #${counter}`, lon: 121.5 + counter * 1e-4, lat: 28.8 },
    at,
  );
}
