/**
 * The map layers, grouped the way the plan groups things. Order is drawing and legend order.
 * Kept free of zod so the map and the first-load bundle can read it without the schemas.
 */
export const LAYERS = [
  'zones', // 一带三区 zones, 中心城区 (5.1, 5.2)
  'belt', // 一带, 两带 corridors (5.1, 5.2)
  'platforms', // industrial platforms, parks, 商圈 (专栏七, 4.x, 3.2)
  'logistics', // 一极两核三区多点 (专栏五, 6.1)
  'port', // 头门港, wharves (6.1, 6.3)
  'rail', // rail and 市域铁路 (8.1, 7.x)
  'expressways', // 三纵一横两连 (8.1)
  'roads', // 国省道 五纵二横, 一绕一横三纵, 快速通道, bridges (8.1, 7.3)
  'airports', // 通用机场 (8.1)
  'culture', // 一心两翼多极点, heritage, tourism (9.x, footnote 1)
  'ecology', // 三山一江一海, parks, islands (10.x)
  'water', // 专栏八 water works (8.3)
  'utilities', // energy, municipal (8.2, 8.3, 8.4)
  'public', // health, education (11.x)
] as const;
export type Layer = (typeof LAYERS)[number];

/** Project status as read from the plan's wording (the zod enum `Status` is built on this). */
export const STATUSES = ['existing', 'under_construction', 'planned', 'proposed'] as const;
