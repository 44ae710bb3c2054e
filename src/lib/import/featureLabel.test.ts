import { describe, expect, it } from 'vitest';
import { MAX_LABEL, featureLabel } from './featureLabel';

describe('featureLabel', () => {
  it('takes the first name-like property, whatever its case', () => {
    expect(featureLabel({ id: 1, NAME: '学校' })).toBe('学校');
    expect(featureLabel({ 名称: '社区医院', title: 'Clinic' })).toBe('社区医院');
    expect(featureLabel({ Title: '  绿道 ' })).toBe('绿道');
  });

  it('skips empty, null and boolean values, and gives null when nothing names the feature', () => {
    expect(featureLabel({ name: '', 名称: '港区' })).toBe('港区');
    expect(featureLabel({ name: null, label: true })).toBeNull();
    expect(featureLabel({ id: 7, note: 'x' })).toBeNull();
    expect(featureLabel({})).toBeNull();
  });

  it('shows numbers as text and cuts very long names by characters, not UTF-16 units', () => {
    expect(featureLabel({ name: 42 })).toBe('42');
    const long = '𠀀'.repeat(100);
    const label = featureLabel({ name: long })!;
    expect([...label]).toHaveLength(MAX_LABEL);
    expect(label.endsWith('…')).toBe(true);
    expect(label).not.toMatch(/[\uD800-\uDBFF]…/);
  });

  it('keeps markup as plain text (the UI renders it inert)', () => {
    expect(featureLabel({ name: '<img src=x onerror=alert(1)>' })).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});
