import { describe, expect, it } from 'vitest';
import { PlanDocument } from '../data/plan';
import { PLAN_MARKDOWN, planDoc as doc } from './fixtures/plan';
import { parsePlan } from './parse';
import { buildPlanJson } from './planData';
import { planUnits } from './text';

const section = (id: string) => {
  const s = doc.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
const allParagraphs = () => [
  ...doc.chapters.flatMap((c) => c.paragraphs),
  ...doc.sections.flatMap((s) => s.paragraphs),
];

describe('parsePlan on the shipped plan', () => {
  it('passes its own schema and survives a JSON round trip', () => {
    expect(PlanDocument.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(doc.docNumber).toBe('临政发〔2021〕21号');
    expect(doc.title).toBe('临海市国民经济和社会发展的第十四个五年规划和二〇三五年远景目标纲要');
  });

  it('finds 14 chapters, numbered and titled without their heading markup', () => {
    expect(doc.chapters.map((c) => c.id)).toEqual(
      Array.from({ length: 14 }, (_, i) => String(i + 1)),
    );
    expect(doc.chapters.map((c) => c.title)).toContain('坚持城乡一体，构建市域协调发展格局');
    expect(doc.chapters[13]!.title).toBe('健全规划实施机制');
    for (const c of doc.chapters) expect(c.title).not.toMatch(/[#*]|^[一二三四五六七八九十]+、/);
  });

  it('numbers the sections of every chapter 1…n without gaps, as the table of contents does', () => {
    const counts = doc.chapters.map((c) => c.sectionIds.length);
    expect(counts).toEqual([5, 4, 3, 4, 3, 3, 3, 4, 4, 3, 6, 3, 4, 4]);
    for (const c of doc.chapters) {
      expect(c.sectionIds).toEqual(c.sectionIds.map((_, i) => `${c.id}.${i + 1}`));
    }
    expect(doc.sections.map((s) => s.id)).toEqual(doc.chapters.flatMap((c) => c.sectionIds));
    // Headings came as ##…#####, bold, or a plain line (3.2): all the same rank now.
    expect(section('3.2').title).toBe('积极扩大内需激发消费潜力');
    expect(section('4.1').title).toBe('打造先进制造业集群');
    expect(section('12.1').title).toBe('打造平安临海');
    for (const s of doc.sections) expect(s.title).not.toMatch(/[#*。]|^[（(]/);
  });

  it('skips the table of contents: every heading occurs once, and 1.1 starts with its text', () => {
    const titles = doc.sections.map((s) => s.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(section('1.1').paragraphs[0]).toMatch(/^“十三五”时期，我市牢记习近平总书记/);
    expect(doc.chapters[0]!.paragraphs).toEqual([]);
    expect(allParagraphs().some((p) => p.startsWith('- (') || p === '目 录')).toBe(false);
  });

  it('places the 10 boxes in their sections with their items', () => {
    expect(doc.boxes.map((b) => [b.id, b.label, b.sectionId, b.items.length])).toEqual([
      ['box1', '专栏一', '2.4', 1],
      ['box2', '专栏二', '3.1', 1],
      ['box3', '专栏三', '4.1', 1],
      ['box4', '专栏四', '4.3', 1],
      ['box5', '专栏五', '4.3', 4],
      ['box6', '专栏六', '4.3', 1],
      ['box7', '专栏七', '4.4', 3],
      ['box8', '专栏八', '8.3', 6],
      ['box9', '专栏九', '12.2', 5],
      ['box10', '专栏十', '13.2', 2],
    ]);
    const box7 = doc.boxes.find((b) => b.id === 'box7')!;
    expect(box7.title).toBe('头门港、临海经济开发区和特色产业园发展方向');
    expect(box7.items.map((i) => i.label)).toEqual([
      '浙江头门港经济开发区',
      '临海经济开发区',
      '特色产业园',
    ]);
    expect(box7.items[1]!.text).toMatch(/^灵湖-佩弦湖-洛河商圈统筹布局/);
    const box5 = doc.boxes.find((b) => b.id === 'box5')!;
    expect(box5.items.map((i) => i.text.slice(0, 4))).toEqual([
      '一极引领',
      '两核带动',
      '三区整合',
      '多点联动',
    ]);
    expect(doc.boxes.find((b) => b.id === 'box8')!.items[0]!.text).toBe(
      '1.防洪保安工程。包括海塘安澜、流域和城市防洪、平原扩排、小流域综合治理、水利工程除险加固，“十四五”期间投资58.33亿元。',
    );
    expect(doc.boxes.find((b) => b.id === 'box10')!.items[1]!.text).toMatch(
      /^2\.创新推进市域营商环境/,
    );
  });

  it('ends a box where the running text resumes', () => {
    // The paragraph after 专栏六 / 专栏九 belongs to the section, not the box.
    expect(section('4.3').paragraphs.some((p) => p.startsWith('健康房地产业发展。'))).toBe(true);
    expect(section('12.2').paragraphs.some((p) => p.startsWith('深化综合行政执法体制改革。'))).toBe(
      true,
    );
    expect(section('4.1').paragraphs.some((p) => p.startsWith('全面推进产业转型升级。'))).toBe(
      true,
    );
    // …and the box sits between the paragraphs it interrupts.
    const kinds = section('4.3').blocks.map((b) => (b.kind === 'paragraph' ? 'p' : b.id));
    expect(kinds.join(' ')).toBe('p p box4 p box5 p fn1 p box6 p');
  });

  it('reads 表一 with 25 indicators (27 rows: 城镇化率 and 森林增长 span two)', () => {
    const t = doc.tables.find((x) => x.id === 'table1')!;
    expect(t.sectionId).toBe('1.1');
    expect(new Set(t.rows.map((r) => r.seq)).size).toBe(25);
    expect(t.rows).toHaveLength(27);
    expect(t.columns).toEqual([
      '2015年',
      '规划目标·2020年',
      '规划目标·年均增幅(%)',
      '完成情况·2020年',
      '完成情况·年均增幅(%)',
    ]);
    const urban = t.rows.filter((r) => r.seq === 4);
    expect(urban.map((r) => [r.category, r.group, r.indicator, r.unit, r.attribute])).toEqual([
      ['经济发展', '城镇化率', '常住人口城镇化率(%)', '%', '预期性'],
      ['经济发展', '城镇化率', '户籍人口城镇化率(%)', '%', '约束性'],
    ]);
    expect(urban[1]!.cells.map((c) => c.text)).toEqual(['34.29', '38', '—', '34.24', '—']);
    const forest = t.rows.filter((r) => r.seq === 25);
    expect(forest.map((r) => r.attribute)).toEqual(['约束性', '约束性']);
    expect(forest[1]!.cells[3]).toEqual({ text: '2019年760', value: 760 });
    expect(t.rows[0]!.cells.map((c) => c.value)).toEqual([464.84, 665, 7.5, 738.48, 6.3]);
    expect(t.rows.find((r) => r.seq === 10)!.category).toBe('民生福祉');
    expect(t.compare).toEqual({ actual: 3, target: 1 });
    expect(t.notes).toHaveLength(3);
    expect(doc.notes.some((n) => n.targetId === 'table1' && n.original === '森林覆盖率(%)')).toBe(
      true,
    );
  });

  it('reads 表二 with 34 indicators across its page break', () => {
    const t = doc.tables.find((x) => x.id === 'table2')!;
    expect(t.sectionId).toBe('1.5');
    expect(t.rows.map((r) => r.seq)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(t.columns).toEqual(['2020年', '2025年', '年均/累计']);
    expect(t.rows.every((r) => r.unit !== null)).toBe(true);
    const r13 = t.rows[12]!;
    expect([r13.category, r13.indicator, r13.cells.map((c) => c.text), r13.attribute]).toEqual([
      '生态环境',
      '单位GDP能源消耗降低',
      ['0.3125', '按上级任务', ''],
      '约束性',
    ]);
    expect(t.rows[10]!.cells[0]).toEqual({ text: '2019年32.21', value: 32.21 });
    expect(t.rows[33]).toMatchObject({
      category: '安全保障',
      indicator: '粮食综合生产能力',
      unit: '万吨',
    });
    expect(t.notes[0]).toBe('1.每千人口拥有执业（助理）医师数为常住人口口径');
  });

  it.each([
    ['8.1', '高标准建设104国道、228国道、规划207省道（秀洲—仙居）、规划204省道（余姚—温岭）'],
    ['1.1', '企业注销工作获国办肯定。'],
    ['1.1', '分别达到738.5亿元和101.9亿元'],
    ['1.2', '高水平建设社会主义现代化指明了新的方向。“十四五”时期，我省将坚持'],
    ['1.2', '将在“十四五”时期实现核心技术突破和大规模商业化应用。'],
    ['1.2', '（专利数头部企业占比95%以上)。特别是随着吉利汽车研究院外迁'],
    ['1.3', '建成法治政府、法治临海、平安临海，成为法治浙江、平安浙江示范市。'],
    ['1.4', '再展千年古城新活力，为高水平争创社会主义现代化先行市而努力奋斗。'],
    ['3', '积极促进内需与外需、进口和出口相协调'],
    [
      '3.1',
      '着力畅通要素循环。围绕汽车机械、医药健康、时尚休闲等主导产业，构建完整高效的供应链保障体系',
    ],
    ['4.3', '深入挖掘山海文化、府城文化、抗倭文化'],
    [
      '5.1',
      '西部生态发展区打造成为向西对接北三县、衔接金义，并联系中心城区、浙江头门港经济开发区的关键区域。',
    ],
    ['8.2', '加强供水管网薄弱区域的管网建设'],
    ['9.1', '开展文明村镇、文明单位、文明校园创建'],
    ['10.1', '合理安排生态、生产、生活空间。'],
    ['11.4', '加快建设以基本医疗保险为主体'],
    ['13.1', '金融服务综合改革“试点市”向“示范市”迈进。'],
    ['13.4', '深化公民、企业和机关内部“一件事”联办'],
    ['14.3', '优先保障规划相关重大改革、重大政策、重大平台、重大项目所需要素资源。'],
  ])('rejoins the sentence split by a page break or footnote in %s: %s', (id, sentence) => {
    const passage = doc.sections.find((s) => s.id === id) ?? doc.chapters.find((c) => c.id === id)!;
    expect(passage.paragraphs.some((p) => p.includes(sentence))).toBe(true);
  });

  it('attaches every footnote to its reference and keeps the reference position', () => {
    expect(doc.footnotes.map((f) => [f.id, f.sectionId])).toEqual([
      ['fn1', '4.3'],
      ['fn2', '8'],
      ['fn3', '8.1'],
      ['fn4', '9.1'],
      ['fn5', '13.2'],
    ]);
    const before: Record<string, string> = {
      fn1: '“一心两翼多极点”',
      fn2: '实施综合交通“12345”',
      fn3: '构建我市“一绕一横三纵”',
      fn4: '深入推进“三大三城”',
      fn5: '着力构建企业开办“六个一”',
    };
    for (const fn of doc.footnotes) {
      const passage =
        doc.sections.find((s) => s.id === fn.sectionId) ??
        doc.chapters.find((c) => c.id === fn.sectionId)!;
      const paragraph = passage.paragraphs[fn.paragraph]!;
      expect(paragraph.slice(0, fn.offset).endsWith(before[fn.id]!)).toBe(true);
      // The footnote follows its paragraph in reading order.
      const at = passage.blocks.findIndex(
        (b) => b.kind === 'paragraph' && b.index === fn.paragraph,
      );
      expect(
        passage.blocks.slice(at + 1).find((b) => b.kind !== 'footnote' || b.id === fn.id),
      ).toEqual({ kind: 'footnote', id: fn.id });
    }
    expect(doc.footnotes[0]!.text.split('\n').map((l) => l.slice(0, 3))).toEqual([
      '一心：',
      '两翼：',
      '多极点',
    ]);
    expect(doc.footnotes[1]!.text).toMatch(/^12345：“1”为一个发展总目标/);
    // Footnote text does not leak into the running text.
    expect(
      allParagraphs().some((p) =>
        /一心：以台州府城|12345：|一绕一横三纵：一绕|具体指：一网通办/.test(p),
      ),
    ).toBe(false);
  });

  it('leaks no markup into paragraphs, box items or cells', () => {
    const texts = [
      ...allParagraphs(),
      ...doc.boxes.flatMap((b) => [b.title, ...b.items.flatMap((i) => [i.label ?? '', i.text])]),
      ...doc.tables.flatMap((t) =>
        t.rows.flatMap((r) => [r.indicator, ...r.cells.map((c) => c.text)]),
      ),
      ...doc.footnotes.map((f) => f.text),
      ...doc.closing,
    ];
    for (const t of texts) {
      expect(t).not.toMatch(/<\/?(sup|p)>|^-{3}|\*\*|^#|\t/);
      expect(t).not.toMatch(/\d [\u4e00-\u9fff]|[\u4e00-\u9fff] \d/);
    }
  });

  it('ends every paragraph on sentence-final punctuation (no page break left open)', () => {
    for (const p of allParagraphs()) expect(p).toMatch(/[。！？；：]$|[。！？]”$/);
  });

  it('records the figure, the closing words, the colophon and the editorial notes', () => {
    expect(doc.figures).toEqual([
      { id: 'fig5-1', label: '图 5-1', title: '临海“十四五”空间发展格局', sectionId: '5.1' },
    ]);
    expect(section('5.1').blocks.at(-1)).toEqual({ kind: 'figure', id: 'fig5-1' });
    expect(doc.closing).toHaveLength(1);
    expect(doc.closing[0]).toMatch(/奋力夺取高水平现代化和“重要窗口”建设新胜利！$/);
    expect(section('14.4').paragraphs.join('')).not.toMatch(/新胜利/);
    expect(doc.colophon[0]).toBe(
      '抄送：临海市委各部门，市人大常委会、市政协办公室，市人武部，市监委，市法院，市检察院。',
    );
    const misprints = doc.notes.filter((n) => n.original === '东矾列岛');
    expect(misprints.map((n) => n.targetId)).toEqual(['4.3', '5.1', '6.3', 'fn1']);
    expect(misprints.every((n) => n.suggestion === '东矶列岛')).toBe(true);
    // The original text is kept.
    expect(section('6.3').paragraphs.join('')).toContain('省级东矾列岛海岛公园');
  });

  it('keeps every sentence of the body: nothing is lost between source and model', () => {
    // Every run of ≥12 ideographs in the body appears in some unit's text.
    const units = planUnits(doc)
      .map((u) => [u.title, ...u.lines].join(''))
      .join('');
    const haystack = units.replace(/\s/g, '') + doc.closing.join('');
    const body = PLAN_MARKDOWN.slice(
      PLAN_MARKDOWN.indexOf('## 一、开启高水平现代化建设新征程'),
      PLAN_MARKDOWN.indexOf('抄送'),
    );
    // Table rows are checked cell by cell above; here the prose.
    const runs = body
      .split('\n')
      .filter((l) => !l.includes('\t'))
      .flatMap((l) => l.replace(/\s+/g, '').match(/[\u4e00-\u9fff]{12,}/g) ?? []);
    expect(runs.length).toBeGreaterThan(1000);
    expect(runs.filter((r) => !haystack.includes(r))).toEqual([]);
  });
});

describe('parsePlan on broken input', () => {
  it('rejects a footnote that is never referenced', () => {
    const broken = PLAN_MARKDOWN.replace('“三大三城”<sup>4</sup>', '“三大三城”');
    expect(() => parsePlan(broken)).toThrow(/footnote 4 is never referenced/);
  });

  it('rejects a reference without footnote text', () => {
    const broken = PLAN_MARKDOWN.replace(/<sup>5<\/sup> “六个一”.*\n/, '');
    expect(() => parsePlan(broken)).toThrow(/footnote reference 5 in 13\.2 has no text/);
  });

  it('rejects a plan with a chapter missing', () => {
    const heading = '## **十二、深化平安法治，构建现代市域治理体系**';
    const at = PLAN_MARKDOWN.lastIndexOf(heading);
    const broken = PLAN_MARKDOWN.slice(0, at) + PLAN_MARKDOWN.slice(at + heading.length);
    expect(() => parsePlan(broken)).toThrow(/chapters/);
  });
});

describe('buildPlanJson', () => {
  it('publishes the validated model as plan.json', () => {
    const out = buildPlanJson(PLAN_MARKDOWN);
    expect(out.fileName).toBe('plan.json');
    expect(PlanDocument.parse(JSON.parse(out.text))).toEqual(doc);
  });
});
