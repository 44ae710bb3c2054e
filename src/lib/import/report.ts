import { LIMITS } from './limits';

/** Keep hostile text from flooding an error message. */
export function clip(text: string, max = 60): string {
  const head = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return head.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '·');
}

/** "a number", "text "abc"", "a list", "an object", "null" — for plain-words errors. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return `text "${clip(value, 30)}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** The JSON path of a member: `child('features[0]', 'geometry')`, `child('', 'type')`. */
export function child(where: string, key: string): string {
  return where ? `${where}.${key}` : key;
}

/** The first problems of an import, each prefixed with where it is. */
export class Problems {
  private readonly listed: string[] = [];
  private total = 0;

  constructor(private readonly max: number = LIMITS.maxListedProblems) {}

  add(where: string, message: string): void {
    this.total++;
    if (this.listed.length < this.max) this.listed.push(where ? `${where}: ${message}` : message);
  }

  get count(): number {
    return this.total;
  }

  /** Enough has been found to reject; callers may stop looking. */
  get full(): boolean {
    return this.total >= this.max;
  }

  list(): string[] {
    const more = this.total - this.listed.length;
    return more > 0 ? [...this.listed, `…and ${more} more problem(s)`] : [...this.listed];
  }
}

/** Warnings grouped by kind: one sentence per kind, naming the first place and the count. */
export class Warnings {
  private readonly kinds = new Map<string, { where: string; message: string; count: number }>();

  add(kind: string, where: string, message: string): void {
    const seen = this.kinds.get(kind);
    if (seen) seen.count++;
    else this.kinds.set(kind, { where, message, count: 1 });
  }

  has(kind: string): boolean {
    return this.kinds.has(kind);
  }

  list(): string[] {
    return [...this.kinds.values()].map(({ where, message, count }) => {
      const head = where ? `${where}: ${message}` : message;
      return count > 1 ? `${head} (and ${count - 1} more like this)` : head;
    });
  }
}
