import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanFeatureSourceCollection } from './features';
import { splitNote } from './romanised';

const sources = PlanFeatureSourceCollection.parse(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../geodata/plan-features.geojson'), 'utf8'),
  ),
);

describe('English source notes', () => {
  it('give every Chinese name they quote a romanised reading', () => {
    const unread = new Set<string>();
    for (const f of sources.features)
      for (const part of splitNote(f.properties.source.note.en))
        if ('zh' in part && part.en === null) unread.add(part.zh);
    expect([...unread]).toEqual([]);
  });

  it('split a note into English text and each name of a 、 list', () => {
    expect(splitNote('union of 杜桥镇、桃渚镇 (seats)')).toEqual([
      { text: 'union of ' },
      { zh: '杜桥镇', en: 'Duqiao town' },
      { text: ', ' },
      { zh: '桃渚镇', en: 'Taozhu town' },
      { text: ' (seats)' },
    ]);
    expect(splitNote('no Chinese here')).toEqual([{ text: 'no Chinese here' }]);
    expect(splitNote('未知地名')).toEqual([{ zh: '未知地名', en: null }]);
  });
});
