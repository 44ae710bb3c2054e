import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { planDoc as doc } from '../../plan/fixtures/plan';
import PlanTable from './PlanTable.svelte';
import Reader from './Reader.svelte';
import SectionView from './SectionView.svelte';

const noop = () => {};
const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('reader components (server render)', () => {
  it('renders the table of contents when no section is open', () => {
    const { body } = render(Reader, {
      props: { doc, sectionId: null, highlight: null, onOpenSection: noop },
    });
    expect(body).toContain('aria-label="目录"');
    expect(body).toContain('五、坚持城乡一体，构建市域协调发展格局');
    expect(body).toContain('（一）构建“一带三区”发展格局');
  });

  it('renders 表二 as an accessible table with 34 indicator rows', () => {
    const table = doc.tables.find((t) => t.id === 'table2')!;
    const { body } = render(PlanTable, { props: { table } });
    expect(body).toMatch(/<caption[^>]*>.*表二/s);
    expect(count(body, /<th[^>]*scope="row"/g)).toBe(34);
    expect(count(body, /<th[^>]*scope="rowgroup"/g)).toBe(8);
    expect(body).toContain('aria-label="2020年 30.75，2025年 32.5"');
  });

  it('renders 表一 with both measures of 城镇化率 under one 序号', () => {
    const table = doc.tables.find((t) => t.id === 'table1')!;
    const { body } = render(PlanTable, { props: { table } });
    expect(count(body, /<th[^>]*scope="row"/g)).toBe(27);
    expect(body).toContain('户籍人口城镇化率(%)');
  });

  it('shows a section with its boxes, footnotes inline and the highlight as <mark>', () => {
    const { body } = render(SectionView, {
      props: { doc, sectionId: '4.3', highlight: '头门港' },
    });
    expect(body).toContain('（三）加快发展现代服务业');
    expect(body).toContain('id="plan-box5"');
    expect(body).toContain('id="plan-fn1"');
    expect(body).toContain('aria-label="注1"');
    expect(count(body, /<mark[^>]*>头门港<\/mark>/g)).toBeGreaterThan(1);
    expect(body).toContain('编者注');
    expect(body).not.toMatch(/&lt;sup|<sup>1<\/sup> 一心/);
  });

  it('opens a box id within its section', () => {
    const { body } = render(Reader, {
      props: { doc, sectionId: 'box7', highlight: null, onOpenSection: noop },
    });
    expect(body).toContain('（四）筑强高能级产业平台');
    expect(body).toContain('浙江头门港经济开发区');
    expect(body).toContain('上一节');
  });

  it('escapes text: a highlight is never interpreted as HTML', () => {
    const { body } = render(SectionView, {
      props: { doc, sectionId: '1.1', highlight: '<img src=x>' },
    });
    expect(body).not.toContain('<img');
  });
});
