import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { createComment, withStatus } from '../comments/schema';
import {
  COMMENT_PIN_LAYER,
  commentLayers,
  commentPinData,
  commentPinImage,
  KIND_LOOK,
  PIN_HEIGHT,
  PIN_PIXEL_RATIO,
  PIN_WIDTH,
} from './commentLayers';
import { LIGHT } from './theme';

const at = (iso: string) => new Date(iso);
const older = createComment(
  { kind: 'support', text: '好', lon: 121.1, lat: 28.8 },
  at('2025-01-01T08:00:00Z'),
);
const newer = createComment(
  { kind: 'question', text: '为什么？', lon: 121.2, lat: 28.9 },
  at('2025-01-02T08:00:00Z'),
);
const hidden = withStatus(
  createComment(
    { kind: 'concern', text: '不妥', lon: 121.3, lat: 28.7 },
    at('2025-01-03T08:00:00Z'),
  ),
  'hidden',
);

describe('comment pins', () => {
  it("draw their kind's mark in the map's language: 支 忧 议 问, or S C I Q in English", () => {
    const data = commentPinData([older, hidden, newer], {
      facilitator: true,
      draft: { lon: 121, lat: 28.8 },
    });
    const layout = commentLayers(LIGHT)[0]!.layout as Record<string, unknown>;
    const marks = (lang: 'zh' | 'en') => {
      const field = createExpression(layout['text-field'], null, { lang });
      if (field.result !== 'success') throw new Error(JSON.stringify(field.value));
      return data.features.map((f) =>
        String(field.value.evaluate({ zoom: 10 }, { properties: f.properties } as never)),
      );
    };
    expect(marks('zh')).toEqual(['支', '问', '忧', '＋']); // oldest first, the draft last
    expect(marks('en')).toEqual(['S', 'Q', 'C', '+']);
  });

  it('leave hidden comments out of the public view entirely', () => {
    const data = commentPinData([hidden, newer, older], { facilitator: false });
    expect(data.features.map((f) => f.properties.id)).toEqual([older.id, newer.id]);
  });

  it('show hidden comments greyed in facilitator view, kind mark kept, oldest first', () => {
    const data = commentPinData([hidden, newer, older], { facilitator: true, openId: newer.id });
    expect(data.features.map((f) => f.properties.id)).toEqual([older.id, newer.id, hidden.id]);
    const last = data.features[2]!.properties;
    expect(last.look).toBe('hidden');
    expect(last.mark).toBe(KIND_LOOK.concern.mark);
    expect(data.features.map((f) => f.properties.open)).toEqual([false, true, false]);
  });

  it('draw the pin being placed last, on top', () => {
    const data = commentPinData([older], { facilitator: false, draft: { lon: 121, lat: 28.5 } });
    expect(data.features.at(-1)).toMatchObject({
      geometry: { coordinates: [121, 28.5] },
      properties: { look: 'draft', id: 'draft' },
    });
  });

  it('give every kind its own colour and character', () => {
    const looks = Object.values(KIND_LOOK);
    expect(new Set(looks.map((l) => l.colour)).size).toBe(looks.length);
    expect(new Set(looks.map((l) => l.mark)).size).toBe(looks.length);
  });

  it('is one symbol layer on the comments source', () => {
    const [layer, ...rest] = commentLayers(LIGHT);
    expect(rest).toEqual([]);
    expect(layer).toMatchObject({ id: COMMENT_PIN_LAYER, type: 'symbol', source: 'comments' });
  });

  it('pin image: a filled head, transparent corners, a point at the bottom centre', () => {
    const image = commentPinImage('#2e7d32', LIGHT);
    expect(image.width).toBe(PIN_WIDTH * PIN_PIXEL_RATIO);
    expect(image.height).toBe(PIN_HEIGHT * PIN_PIXEL_RATIO);
    const pixel = (x: number, y: number) => {
      const i =
        (Math.round(y * PIN_PIXEL_RATIO) * image.width + Math.round(x * PIN_PIXEL_RATIO)) * 4;
      return [...image.data.slice(i, i + 4)];
    };
    expect(pixel(PIN_WIDTH / 2, 14)).toEqual([0x2e, 0x7d, 0x32, 255]);
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(0, PIN_HEIGHT - 1)[3]).toBe(0);
    expect(pixel(PIN_WIDTH / 2, PIN_HEIGHT - 3)[3]).toBeGreaterThan(128);
  });
});
