import { describe, expect, it } from 'vitest';
import { Horizon } from './features';
import { HORIZON_VALUES, horizonValue } from './horizon';

describe('horizonValue', () => {
  it('maps each horizon the schema accepts to one filter value, null to unspecified', () => {
    const years = [2025, 2035, null] as const;
    for (const y of years) expect(Horizon.safeParse(y).success).toBe(true);
    expect(years.map(horizonValue)).toEqual([...HORIZON_VALUES]);
    expect(Horizon.safeParse(2030).success).toBe(false);
    expect(Horizon.safeParse(undefined).success).toBe(false);
  });
});
