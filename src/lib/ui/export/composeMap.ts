import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Layer } from '../../data/features';
import { layerKey, t, type Lang } from '../../i18n';
import { attribution } from '../../map/attribution';
import { LAYER_LOOK, layerMark } from '../../map/planTheme';
import { cssFontFamily, LIGHT } from '../../map/theme';
import {
  exportFileName,
  exportLayout,
  metresPerPixel,
  plainAttribution,
  scaleBar,
  type ExportLayout,
} from './layout';

/** What the picture shows besides the map. */
export interface ExportInput {
  map: MaplibreMap;
  layers: readonly Layer[];
  lang: Lang;
  date: Date;
}

const { ink: INK, muted: MUTED, paper: PAPER, line: LINE, accent: ACCENT } = LIGHT.ui;

/** Waits until the map has drawn everything it has: the canvas is then complete. */
async function settled(map: MaplibreMap): Promise<void> {
  if (map.loaded() && !map.isMoving()) return;
  await map.once('idle');
}

/** Greedy wrap by character (Chinese has no spaces), breaking at spaces when it can. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    const next = line + ch;
    if (ctx.measureText(next).width <= width || line === '') {
      line = next;
      continue;
    }
    const space = line.lastIndexOf(' ');
    if (space > 0 && /[\w(（]/.test(ch)) {
      lines.push(line.slice(0, space));
      line = line.slice(space + 1) + ch;
    } else {
      lines.push(line);
      line = ch.trim();
    }
  }
  if (line) lines.push(line);
  return lines;
}

function drawHeader(
  ctx: CanvasRenderingContext2D,
  box: ExportLayout,
  r: number,
  input: ExportInput,
  font: string,
) {
  const tr = (key: Parameters<typeof t>[0], params?: Record<string, string | number>) =>
    t(key, input.lang, params);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = ACCENT;
  ctx.font = `600 ${20 * r}px ${font}`;
  ctx.fillText(tr('app.title'), box.pad, 30 * r);
  ctx.fillStyle = MUTED;
  ctx.font = `${12 * r}px ${font}`;
  ctx.fillText(tr('app.disclaimer'), box.pad, 52 * r, box.width - 2 * box.pad - 160 * r);
  const date = input.date;
  const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  ctx.textAlign = 'right';
  ctx.fillText(tr('export.date', { date: iso }), box.width - box.pad, 30 * r);
  ctx.textAlign = 'left';
}

/** The legend in the band right of the map, from its top: a row per layer, names wrapped. */
function drawLegend(
  ctx: CanvasRenderingContext2D,
  box: ExportLayout,
  r: number,
  input: ExportInput,
  font: string,
) {
  const rows = input.layers.map((layer) => ({
    layer: layer as Layer | null,
    label: t(layerKey(layer), input.lang),
  }));
  rows.push({ layer: null, label: t('legend.estimated', input.lang) });
  const { x, y, width } = box.side;
  const lineH = 15 * r;
  const textX = x + 22 * r;
  ctx.fillStyle = INK;
  ctx.font = `600 ${13 * r}px ${font}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(t('layers.legend', input.lang), x, y + 10 * r);
  let cy = y + 34 * r;
  for (const row of rows) {
    ctx.font = `${12 * r}px ${font}`;
    const lines = wrap(ctx, row.label, x + width - textX);
    const symbolY = cy + 1 * r;
    if (row.layer) {
      // Colour and a mark, as on the map: layers differ by more than colour.
      ctx.beginPath();
      ctx.arc(x + 7 * r, symbolY, 7 * r, 0, 2 * Math.PI);
      ctx.fillStyle = LAYER_LOOK[row.layer].colour;
      ctx.fill();
      ctx.fillStyle = LIGHT.markInk;
      ctx.font = `${9 * r}px ${font}`;
      ctx.textAlign = 'center';
      ctx.fillText(layerMark(row.layer, input.lang), x + 7 * r, symbolY + 0.5 * r);
      ctx.textAlign = 'left';
    } else {
      ctx.beginPath();
      ctx.setLineDash([3 * r, 2 * r]);
      ctx.arc(x + 7 * r, symbolY, 6 * r, 0, 2 * Math.PI);
      ctx.strokeStyle = MUTED;
      ctx.lineWidth = 1.2 * r;
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.font = `${12 * r}px ${font}`;
    ctx.fillStyle = INK;
    lines.forEach((line, i) => ctx.fillText(line, textX, cy + i * lineH));
    cy += lines.length * lineH + 7 * r;
  }
}

/** The scale bar at the foot of the band right of the map. */
function drawScale(
  ctx: CanvasRenderingContext2D,
  box: ExportLayout,
  r: number,
  input: ExportInput,
  font: string,
) {
  const { map } = input;
  const mpp = metresPerPixel(map.getCenter().lat, map.getZoom());
  const bar = scaleBar(mpp, Math.min(120, box.side.width / r - 4));
  const label =
    bar.metres >= 1000
      ? t('unit.km', input.lang, { n: bar.metres / 1000 })
      : t('unit.m', input.lang, { n: bar.metres });
  const w = bar.px * r;
  const x = box.side.x;
  const y = box.side.y + box.side.height - 4 * r;
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2 * r;
  ctx.beginPath();
  ctx.moveTo(x, y - 6 * r);
  ctx.lineTo(x, y);
  ctx.lineTo(x + w, y);
  ctx.lineTo(x + w, y - 6 * r);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = `${12 * r}px ${font}`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(label, x, y - 10 * r);
}

/** The north arrow above the scale bar. */
function drawNorth(
  ctx: CanvasRenderingContext2D,
  box: ExportLayout,
  r: number,
  input: ExportInput,
  font: string,
) {
  const size = 22 * r;
  const cx = box.side.x + size;
  const cy = box.side.y + box.side.height - 44 * r - size;
  ctx.beginPath();
  ctx.arc(cx, cy, size, 0, 2 * Math.PI);
  ctx.strokeStyle = LINE;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.save();
  ctx.translate(cx, cy);
  // A map turned by `bearing` degrees clockwise shows north turned the other way.
  ctx.rotate((-input.map.getBearing() * Math.PI) / 180);
  ctx.beginPath();
  ctx.moveTo(0, -size * 0.8);
  ctx.lineTo(size * 0.32, size * 0.1);
  ctx.lineTo(0, -size * 0.05);
  ctx.lineTo(-size * 0.32, size * 0.1);
  ctx.closePath();
  ctx.fillStyle = ACCENT;
  ctx.fill();
  ctx.fillStyle = INK;
  ctx.font = `600 ${11 * r}px ${font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(t('export.north', input.lang), 0, size * 0.48);
  ctx.restore();
  ctx.textAlign = 'left';
}

function drawAttribution(
  ctx: CanvasRenderingContext2D,
  box: ExportLayout,
  r: number,
  input: ExportInput,
  font: string,
) {
  const [colon, semicolon] = input.lang === 'en' ? [': ', '; '] : ['：', '；'];
  const text = `${t('export.attribution', input.lang)}${colon}${plainAttribution(attribution(input.lang)).join(semicolon)}`;
  const width = box.width - 2 * box.pad;
  const room = box.footer - 10 * r;
  // The whole credit, always: the font shrinks until it fits the footer.
  let size = 11;
  let lines: string[] = [];
  for (; size >= 6; size -= 0.5) {
    ctx.font = `${size * r}px ${font}`;
    lines = wrap(ctx, text, width);
    if (lines.length * size * 1.3 * r <= room) break;
  }
  ctx.fillStyle = MUTED;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => {
    ctx.fillText(line, box.pad, box.map.y + box.map.height + 8 * r + i * size * 1.3 * r);
  });
}

/**
 * The current map as a PNG with title, legend of the visible layers, scale bar, north
 * arrow, date and attribution. Size: see `exportLayout`.
 */
export async function composeMap(
  input: ExportInput,
): Promise<{ blob: Blob; width: number; height: number }> {
  const { map } = input;
  await settled(map);
  const source = map.getCanvas();
  const r = map.getPixelRatio();
  const box = exportLayout(source.width, source.height, r);
  const canvas = document.createElement('canvas');
  canvas.width = box.width;
  canvas.height = box.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  const font = cssFontFamily(LIGHT);

  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, box.width, box.height);
  ctx.drawImage(source, box.map.x, box.map.y);
  ctx.strokeStyle = LINE;
  ctx.lineWidth = Math.max(1, r);
  ctx.strokeRect(box.map.x, box.map.y, box.map.width, box.map.height);

  drawHeader(ctx, box, r, input, font);
  drawLegend(ctx, box, r, input, font);
  drawScale(ctx, box, r, input, font);
  drawNorth(ctx, box, r, input, font);
  drawAttribution(ctx, box, r, input, font);

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  return { blob, width: box.width, height: box.height };
}

/** Compose and download `linhai-plan-map-YYYYMMDD.png`. */
export async function downloadMapPng(
  input: ExportInput,
): Promise<{ width: number; height: number }> {
  const { blob, width, height } = await composeMap(input);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(input.date);
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once it started; the next task is late enough to free ours.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return { width, height };
}
