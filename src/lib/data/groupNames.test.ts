import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupNameEn } from './groupNames';

const features = JSON.parse(
  readFileSync(new URL('../../../geodata/plan-features.geojson', import.meta.url), 'utf8'),
) as { features: { properties: { group?: string } }[] };

describe('English group names', () => {
  it('translates every group the plan features use, without Chinese characters', () => {
    const groups = new Set(features.features.flatMap((f) => f.properties.group ?? []));
    expect(groups.size).toBeGreaterThan(10);
    for (const group of groups) expect(groupNameEn(group), group).toMatch(/^[A-Za-z][\w\s·,–-]+$/);
  });

  it('has no answer for an unknown group (the card then shows it marked as Chinese)', () => {
    expect(groupNameEn('未知分组')).toBeUndefined();
    expect(groupNameEn('toString')).toBeUndefined();
  });
});
