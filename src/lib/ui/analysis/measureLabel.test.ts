import { describe, expect, it } from 'vitest';
import { measureLabel } from './measureLabel';

describe('measureLabel', () => {
  it('labels a line at its last point with its length in both languages', () => {
    const label = measureLabel(
      'line',
      [
        [121, 28.8],
        [121.1, 28.8],
        [121.1, 28.9],
      ],
      20.87,
    );
    expect(label?.geometry.coordinates).toEqual([121.1, 28.9]);
    expect(label?.properties).toEqual({
      role: 'label',
      label_zh: '20.9 公里',
      label_en: '20.9 km',
      anchor: 'left',
    });
  });

  it('labels a polygon inside it, with its area', () => {
    const square = [
      [121, 28.8],
      [121.1, 28.8],
      [121.1, 28.9],
      [121, 28.9],
    ];
    const label = measureLabel('area', square, 0.456);
    const [lon, lat] = label!.geometry.coordinates;
    expect(lon).toBeCloseTo(121.05, 3);
    expect(lat).toBeCloseTo(28.85, 3);
    expect(label?.properties.label_en).toBe('0.46 km²');
    expect(label?.properties.label_zh).toBe('0.46 平方公里');
    expect(label?.properties.anchor).toBe('center');
  });

  it('has no label before there is a result', () => {
    expect(measureLabel('line', [[121, 28.8]], 0)).toBeNull();
    expect(
      measureLabel(
        'area',
        [
          [121, 28.8],
          [121.1, 28.8],
        ],
        0,
      ),
    ).toBeNull();
  });
});
