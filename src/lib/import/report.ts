import { LIMITS } from './limits';

/**
 * Problems and warnings in plain words, in English or Chinese. JSON paths
 * (`features[12].geometry.coordinates[0][3]`) stay as they are in both languages.
 */
export type Lang = 'en' | 'zh';

/** Keep hostile text from flooding an error message. */
export function clip(text: string, max = 60): string {
  const head = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return head.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '·');
}

/** "a number", "text "abc"", "a list", "an object", "null" — for plain-words errors. */
export function describe(value: unknown, lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  if (value === null) return zh ? '空值 null' : 'null';
  if (Array.isArray(value)) return zh ? `含 ${value.length} 项的列表` : `a list of ${value.length}`;
  switch (typeof value) {
    case 'string':
      return zh ? `文本“${clip(value, 30)}”` : `text "${clip(value, 30)}"`;
    case 'number':
      return zh ? `数字 ${value}` : `the number ${value}`;
    case 'boolean':
      return zh ? `布尔值 ${value}` : `${value}`;
    case 'object':
      return zh ? '一个对象' : 'an object';
    default:
      return typeof value;
  }
}

/** The JSON path of a member: `child('features[0]', 'geometry')`, `child('', 'type')`. */
export function child(where: string, key: string): string {
  return where ? `${where}.${key}` : key;
}

/** "line 3, column 7" / "第 3 行第 7 列". */
export function lineColumn(lang: Lang, line: number, column?: number): string {
  if (lang === 'zh') return column === undefined ? `第 ${line} 行` : `第 ${line} 行第 ${column} 列`;
  return column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
}

const head = (where: string, message: string, lang: Lang) =>
  where ? `${where}${lang === 'zh' ? '：' : ': '}${message}` : message;

/** The first problems of an import, each prefixed with where it is. */
export class Problems {
  private readonly listed: string[] = [];
  private total = 0;

  constructor(
    readonly lang: Lang = 'en',
    private readonly max: number = LIMITS.maxListedProblems,
  ) {}

  /** Record a problem; `en` and `zh` are the same sentence in both languages. */
  add(where: string, en: string, zh: string): void {
    this.total++;
    if (this.listed.length < this.max)
      this.listed.push(head(where, this.lang === 'zh' ? zh : en, this.lang));
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
    if (more <= 0) return [...this.listed];
    return [
      ...this.listed,
      this.lang === 'zh' ? `……另有 ${more} 个问题` : `…and ${more} more problem(s)`,
    ];
  }
}

/** Warnings grouped by kind: one sentence per kind, naming the first place and the count. */
export class Warnings {
  private readonly kinds = new Map<string, { where: string; message: string; count: number }>();

  constructor(readonly lang: Lang = 'en') {}

  add(kind: string, where: string, en: string, zh: string): void {
    const seen = this.kinds.get(kind);
    if (seen) seen.count++;
    else this.kinds.set(kind, { where, message: this.lang === 'zh' ? zh : en, count: 1 });
  }

  has(kind: string): boolean {
    return this.kinds.has(kind);
  }

  list(): string[] {
    return [...this.kinds.values()].map(({ where, message, count }) => {
      if (count === 1) return head(where, message, this.lang);
      return this.lang === 'zh'
        ? `${head(where, message, this.lang)}（另有 ${count - 1} 处相同）`
        : `${head(where, message, this.lang)} (and ${count - 1} more like this)`;
    });
  }
}
