/**
 * How colours look to people with a colour-vision deficiency, and how far apart two
 * colours look, for tests of the palettes. Simulation: Machado, Oliveira & Fernandes
 * (2009), "A Physiologically-based Model for Simulation of Color Vision Deficiency",
 * severity 1.0 (dichromacy, the hardest case), applied in linear sRGB. Distance: CIE76
 * ΔE in CIELAB (D65), where about 2.3 is just noticeable.
 */

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
type Matrix = [number, number, number][];

const MACHADO: Record<Exclude<Vision, 'normal'>, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** `#rrggbb` in linear sRGB, as seen with `vision`. */
export function seen(hex: string, vision: Vision): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => toLinear(c / 255)) as [
    number,
    number,
    number,
  ];
  if (vision === 'normal') return rgb;
  return MACHADO[vision].map(([a, b, c]) => clamp(a * rgb[0] + b * rgb[1] + c * rgb[2])) as [
    number,
    number,
    number,
  ];
}

/** Linear sRGB → CIELAB (D65 white). */
function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 ΔE between two colours as seen with `vision`. */
export function deltaE(a: string, b: string, vision: Vision = 'normal'): number {
  const [l1, a1, b1] = lab(seen(a, vision));
  const [l2, a2, b2] = lab(seen(b, vision));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
