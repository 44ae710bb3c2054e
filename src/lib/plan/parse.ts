import {
  PlanDocument,
  type EditorialNote,
  type PlanBlock,
  type PlanBox,
  type PlanChapter,
  type PlanFigure,
  type PlanFootnote,
  type PlanSection,
  type PlanTable,
} from '../data/plan.ts';
import {
  chineseNumber,
  normalizeSpacing,
  removeCjkSpaces,
  squeeze,
  stripTags,
} from './normalize.ts';
import { parseTable, type TableSource } from './table.ts';

/** Misprints the plan is known to contain: the text is kept, a note is added. */
const MISPRINTS = [
  {
    original: '东矾列岛',
    suggestion: '东矶列岛',
    note: '原文作“东矾列岛”，应为“东矶列岛”（临海东部海域的列岛）。',
  },
  {
    original: '占比95%以上)',
    suggestion: '占比95%以上）',
    note: '原文以半角“)”闭合全角“（”。',
  },
];

/** A line ends a sentence when it ends in this (a closing quote only after 。！？). */
const SENTENCE_END = /([。！？；：…]|[。！？][”’」』）)])$/;
/** 一心：…, 两核带动：… — the lead of a labelled item inside a box or a footnote. */
const LABEL_LEAD = /^[^，。、；：\s]{1,8}：/;

type Token =
  | { kind: 'rule' }
  | { kind: 'chapter'; number: number; title: string }
  | { kind: 'section'; number: number; title: string }
  | { kind: 'box'; number: number; label: string; title: string }
  | { kind: 'table'; number: number; label: string; title: string }
  | { kind: 'figure'; label: string; title: string }
  | { kind: 'footnote'; number: number; text: string }
  | { kind: 'tabs'; line: string }
  | { kind: 'item'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'text'; text: string };

/** Heading markup varies (`##` … `#####`, bold): strip it before reading the rank. */
function headingText(line: string): { text: string; marked: boolean } {
  const m = /^(#{1,6}\s+)?(\*\*)?(.*?)(\*\*)?\s*$/.exec(line.trim())!;
  return { text: (m[3] ?? '').trim(), marked: Boolean(m[1] || m[2]) };
}

/** A heading-like line: marked as a heading, or short and without a sentence inside. */
const looksLikeHeading = (text: string, marked: boolean) =>
  marked || (text.length <= 40 && !/[，；]/.test(text));

interface Expect {
  chapter: number;
  section: number;
}

function tokenize(line: string, expect: Expect): Token | null {
  const raw = line.trim();
  if (raw === '') return null;
  if (/^-{3,}$/.test(raw)) return { kind: 'rule' };
  const { text, marked } = headingText(raw);
  const chapter = /^([一二三四五六七八九十]+)、\s*(.+)$/.exec(text);
  if (chapter && chineseNumber(chapter[1]!) === expect.chapter && looksLikeHeading(text, marked)) {
    return { kind: 'chapter', number: expect.chapter, title: removeCjkSpaces(chapter[2]!) };
  }
  const section = /^[（(]([一二三四五六七八九十]+)[）)]\s*(.+?)。?$/.exec(text);
  if (section && chineseNumber(section[1]!) === expect.section && looksLikeHeading(text, marked)) {
    return { kind: 'section', number: expect.section, title: removeCjkSpaces(section[2]!) };
  }
  const box = /^专栏([一二三四五六七八九十]+)\s*(.+)$/.exec(text);
  if (box) {
    const number = chineseNumber(box[1]!);
    if (number)
      return { kind: 'box', number, label: `专栏${box[1]}`, title: normalizeSpacing(box[2]!) };
  }
  const table = /^表([一二])\s+(.+)$/.exec(text);
  if (table) {
    return {
      kind: 'table',
      number: chineseNumber(table[1]!)!,
      label: `表${table[1]}`,
      title: normalizeSpacing(table[2]!),
    };
  }
  const figure = /^图\s*(\d+-\d+)\s+(.+)$/.exec(text);
  if (figure)
    return { kind: 'figure', label: `图 ${figure[1]}`, title: normalizeSpacing(figure[2]!) };
  const footnote = /^<sup>(\d+)<\/sup>\s*(.*)$/.exec(raw);
  if (footnote) return { kind: 'footnote', number: Number(footnote[1]), text: footnote[2]! };
  if (line.includes('\t')) return { kind: 'tabs', line };
  const item = /^(?:[-*]\s+(.+)|(\d+)\.\s*(.+))$/.exec(raw);
  if (item) return { kind: 'item', text: item[1] ?? `${item[2]}.${item[3]}` };
  if (/^注[：:]/.test(raw)) return { kind: 'note', text: raw };
  return { kind: 'text', text: raw };
}

/** Text with its footnote references taken out, their offsets kept. */
function extractRefs(text: string): { text: string; refs: { number: number; offset: number }[] } {
  const spaced = normalizeSpacing(text);
  const refs: { number: number; offset: number }[] = [];
  let out = '';
  let last = 0;
  for (const m of spaced.matchAll(/<sup>\s*(\d+)\s*<\/sup>/g)) {
    out += stripTags(spaced.slice(last, m.index));
    refs.push({ number: Number(m[1]), offset: out.length });
    last = m.index + m[0].length;
  }
  out += stripTags(spaced.slice(last));
  return { text: normalizeSpacing(out), refs };
}

interface Passage {
  id: string;
  paragraphs: string[];
  blocks: PlanBlock[];
}

interface Ref {
  number: number;
  passage: Passage;
  paragraph: number;
  offset: number;
}

/** Accumulates the body line by line; one instance per parse. */
class Builder {
  chapters: (PlanChapter & Passage)[] = [];
  sections: (PlanSection & Passage)[] = [];
  boxes: PlanBox[] = [];
  tables: PlanTable[] = [];
  figures: PlanFigure[] = [];
  closing: string[] = [];
  notes: EditorialNote[] = [];
  refs: Ref[] = [];
  definitions = new Map<number, string>();
  /** The paragraph being read, kept open across page breaks and footnotes. */
  pending: string | null = null;
  /** Lines of a footnote still being read (its label-led continuation lines). */
  footnote: { number: number; lines: string[] } | null = null;
  box: PlanBox | null = null;
  /** Whether the open box's items came as list or table lines rather than paragraphs. */
  boxStructured = false;
  table: TableSource | null = null;
  /** After chapter 14 the remaining paragraph is the plan's closing word. */
  inClosing = false;

  get passage(): Passage {
    const p = this.sections[this.sections.length - 1] ?? this.chapters[this.chapters.length - 1];
    if (!p) throw new Error('text before the first chapter');
    const chapter = this.chapters[this.chapters.length - 1]!;
    return p.id.startsWith(`${chapter.id}.`) ? p : chapter;
  }

  flushParagraph() {
    if (this.pending === null) return;
    const raw = this.pending;
    this.pending = null;
    if (this.inClosing) {
      this.closing.push(extractRefs(raw).text);
      return;
    }
    const { text, refs } = extractRefs(raw);
    if (this.box) {
      this.box.items.push({ label: null, text });
      return;
    }
    const passage = this.passage;
    const index = passage.paragraphs.push(text) - 1;
    passage.blocks.push({ kind: 'paragraph', index });
    for (const ref of refs) {
      this.refs.push({ ...ref, passage, paragraph: index });
      passage.blocks.push({ kind: 'footnote', id: `fn${ref.number}` });
    }
  }

  flushFootnote() {
    if (!this.footnote) return;
    const { number, lines } = this.footnote;
    if (this.definitions.has(number)) throw new Error(`footnote ${number} defined twice`);
    this.definitions.set(number, lines.map((l) => normalizeSpacing(stripTags(l))).join('\n'));
    this.footnote = null;
  }

  flushTable() {
    if (!this.table) return;
    const { table, remarks } = parseTable(this.table);
    this.tables.push(table);
    for (const r of remarks) this.note('table', table.id, r.original, null, r.note);
    this.table = null;
  }

  /** Close everything open before a structural line. */
  flushAll() {
    this.flushParagraph();
    this.flushFootnote();
    this.flushTable();
    this.box = null;
  }

  note(
    kind: EditorialNote['kind'],
    targetId: string,
    original: string,
    suggestion: string | null,
    note: string,
  ) {
    this.notes.push({
      id: `note${this.notes.length + 1}`,
      kind,
      targetId,
      original,
      suggestion,
      note,
    });
  }

  /** A line of running text: continues the open paragraph or starts a new one. */
  text(line: string) {
    if (this.pending !== null && !SENTENCE_END.test(this.pending.replace(/<sup>\d+<\/sup>$/, ''))) {
      this.pending += line;
      return;
    }
    this.flushParagraph();
    this.pending = line;
  }

  /** Does this text line still belong to the open box? */
  boxContinues(line: string): boolean {
    const box = this.box!;
    if (this.boxStructured) return false;
    if (box.items.length === 0 && this.pending === null) return true;
    if (this.pending !== null && !SENTENCE_END.test(this.pending)) return true;
    const first = box.items[0]?.text ?? this.pending ?? '';
    return LABEL_LEAD.test(first) && LABEL_LEAD.test(line);
  }

  take(token: Token) {
    if (token.kind === 'rule') return;
    if (this.footnote) {
      const [first] = this.footnote.lines;
      if (token.kind === 'text' && LABEL_LEAD.test(first ?? '') && LABEL_LEAD.test(token.text)) {
        this.footnote.lines.push(token.text);
        return;
      }
      this.flushFootnote();
    }
    if (this.table) {
      if (token.kind === 'tabs') {
        this.table.lines.push(token.line);
        return;
      }
      if (token.kind === 'note') {
        this.table.note = token.text;
        this.flushTable();
        return;
      }
      this.flushTable();
    }
    if (this.box) {
      if (token.kind === 'tabs' || token.kind === 'item') {
        this.flushParagraph();
        this.boxStructured = true;
        const cells =
          token.kind === 'tabs'
            ? token.line
                .split('\t')
                .map((c) => stripTags(c).trim())
                .filter(Boolean)
            : [token.text];
        const text = normalizeSpacing(cells[cells.length - 1] ?? '');
        if (text)
          this.box.items.push({
            label: cells.length > 1 ? removeCjkSpaces(cells[0]!) : null,
            text,
          });
        return;
      }
      if (token.kind === 'text' && this.boxContinues(token.text)) {
        this.text(token.text);
        return;
      }
      if (token.kind !== 'footnote') {
        this.flushParagraph();
        this.box = null;
      }
    }
    switch (token.kind) {
      case 'chapter': {
        this.flushAll();
        const id = String(token.number);
        this.chapters.push({
          id,
          number: token.number,
          title: token.title,
          paragraphs: [],
          blocks: [],
          sectionIds: [],
        });
        return;
      }
      case 'section': {
        this.flushAll();
        const chapter = this.chapters[this.chapters.length - 1]!;
        const id = `${chapter.id}.${token.number}`;
        chapter.sectionIds.push(id);
        this.sections.push({
          id,
          chapterId: chapter.id,
          number: token.number,
          title: token.title,
          paragraphs: [],
          blocks: [],
        });
        return;
      }
      case 'box': {
        this.flushAll();
        const passage = this.passage;
        this.box = {
          id: `box${token.number}`,
          number: token.number,
          label: token.label,
          title: token.title,
          sectionId: passage.id,
          items: [],
        };
        this.boxStructured = false;
        this.boxes.push(this.box);
        passage.blocks.push({ kind: 'box', id: this.box.id });
        return;
      }
      case 'table': {
        this.flushAll();
        const passage = this.passage;
        const id = `table${token.number}`;
        this.table = {
          id,
          number: token.number,
          label: token.label,
          title: token.title,
          sectionId: passage.id,
          lines: [],
          note: null,
        };
        passage.blocks.push({ kind: 'table', id });
        return;
      }
      case 'figure': {
        this.flushAll();
        const passage = this.passage;
        const id = `fig${token.label.replace(/^图\s*/, '')}`;
        this.figures.push({ id, label: token.label, title: token.title, sectionId: passage.id });
        passage.blocks.push({ kind: 'figure', id });
        return;
      }
      case 'footnote':
        // The paragraph it interrupts stays open: the sentence resumes after the footnote.
        this.footnote = { number: token.number, lines: [token.text] };
        return;
      case 'tabs':
      case 'item':
      case 'note':
        throw new Error(
          `unexpected ${token.kind} line outside a box or table: ${JSON.stringify(token)}`,
        );
      case 'text':
        if (
          this.chapters.length === 14 &&
          /^临海市国民经济和社会发展第十四个五年规划/.test(token.text)
        ) {
          this.flushAll();
          this.inClosing = true;
        }
        this.text(token.text);
        return;
    }
  }
}

/** Front matter: the notice, up to the plan's own title. */
function parseFront(lines: string[]) {
  const titleAt = lines.findIndex((l) => /^#\s+.*纲要\s*$/.test(l.trim()));
  if (titleAt < 0) throw new Error('plan title (# …纲要) not found');
  const front = lines
    .slice(0, titleAt)
    .map((l) => l.trim())
    .filter((l) => l && !/^-{3,}$/.test(l) && !/^#\s/.test(l));
  const docNumber = front.find((l) => /〔\d{4}〕\d+号$/.test(l));
  if (!docNumber) throw new Error('document number (〔2021〕…号) not found');
  const notice = front
    .filter((l) => l !== docNumber)
    .map((l) => normalizeSpacing(headingText(l).text));
  const title = removeCjkSpaces(headingText(lines[titleAt]!).text.replace(/^#\s*/, ''));
  return { title, docNumber, notice, bodyFrom: titleAt + 1 };
}

/** The table of contents repeats every heading: the body starts at the second chapter 一. */
function skipToc(lines: string[], from: number): number {
  let seen = 0;
  for (let i = from; i < lines.length; i++) {
    if (tokenize(lines[i]!, { chapter: 1, section: 0 })?.kind === 'chapter' && ++seen === 2)
      return i;
  }
  throw new Error('body not found after the table of contents');
}

/** 抄送 and the issuing office, after the last rule before 抄送. */
function splitColophon(lines: string[]): { body: string[]; colophon: string[] } {
  const at = lines.findIndex((l) => /^抄送/.test(l.trim()));
  if (at < 0) return { body: lines, colophon: [] };
  let start = at;
  while (start > 0 && (lines[start - 1]!.trim() === '' || /^-{3,}$/.test(lines[start - 1]!.trim())))
    start--;
  const colophon = lines
    .slice(at)
    .map((l) => l.trim())
    .filter((l) => l && !/^-{3,}$/.test(l));
  // 抄送 wraps onto the next line (a Markdown hard break): one entry per printed item.
  const merged: string[] = [];
  for (const line of colophon) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && /[，,]$/.test(prev)) merged[merged.length - 1] = prev + line;
    else merged.push(line);
  }
  return { body: lines.slice(0, start), colophon: merged.map(normalizeSpacing) };
}

function addMisprintNotes(b: Builder, footnotes: PlanFootnote[]) {
  const targets: [string, string][] = [
    ...b.chapters.map((c): [string, string] => [c.id, c.paragraphs.join('\n')]),
    ...b.sections.map((s): [string, string] => [s.id, s.paragraphs.join('\n')]),
    ...b.boxes.map((x): [string, string] => [x.id, x.items.map((i) => i.text).join('\n')]),
    ...footnotes.map((f): [string, string] => [f.id, f.text]),
  ];
  for (const m of MISPRINTS) {
    for (const [id, text] of targets) {
      if (text.includes(m.original)) b.note('misprint', id, m.original, m.suggestion, m.note);
    }
  }
}

/**
 * Parse the OCR'd Markdown of the plan into a validated document model: headings
 * normalised, table of contents skipped, paragraphs rejoined across page breaks and
 * footnotes, boxes and tables collected, footnotes attached to their references.
 * Throws when the text does not have the plan's shape (a missing chapter, an unattached
 * footnote, a table row that cannot be read) or the result fails the schema.
 */
export function parsePlan(markdown: string): PlanDocument {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const front = parseFront(lines);
  const start = skipToc(lines, front.bodyFrom);
  const { body, colophon } = splitColophon(lines.slice(start));
  const b = new Builder();
  for (const line of body) {
    const token = tokenize(line, {
      chapter: b.chapters.length + 1,
      section: (b.chapters[b.chapters.length - 1]?.sectionIds.length ?? 0) + 1,
    });
    if (token) b.take(token);
  }
  b.flushAll();

  const footnotes: PlanFootnote[] = b.refs.map((ref) => {
    const text = b.definitions.get(ref.number);
    if (text === undefined)
      throw new Error(`footnote reference ${ref.number} in ${ref.passage.id} has no text`);
    return {
      id: `fn${ref.number}`,
      number: ref.number,
      sectionId: ref.passage.id,
      paragraph: ref.paragraph,
      offset: ref.offset,
      text,
    };
  });
  for (const number of b.definitions.keys()) {
    if (!b.refs.some((r) => r.number === number))
      throw new Error(`footnote ${number} is never referenced`);
  }
  footnotes.sort((x, y) => x.number - y.number);

  // The heading of the plan itself differs from the name the notice gives it.
  const named = /《(.+?)》/.exec(front.notice.join(''))?.[1];
  if (named && squeeze(named) !== squeeze(front.title)) {
    b.note(
      'source',
      'title',
      front.title,
      named,
      `正文标题与通知所称《${named}》不一致，按原文保留。`,
    );
  }
  addMisprintNotes(b, footnotes);
  const notes = b.notes.map((n, i) => ({ ...n, id: `note${i + 1}` }));

  return PlanDocument.parse({
    title: front.title,
    docNumber: front.docNumber,
    notice: front.notice,
    chapters: b.chapters,
    sections: b.sections,
    boxes: b.boxes,
    tables: b.tables,
    footnotes,
    figures: b.figures,
    closing: b.closing,
    colophon,
    notes,
  });
}
