import { RATINGS, type Rating } from '../../../../libs/domain/cycle.js';
import { html, type SafeHtml } from '../html.js';

/**
 * Charts drawn on the server as inline SVG: nothing to load on a phone, no script. Each series has a fill that
 * differs in black and white (solid, hatched, dotted, empty) as well as in colour, and every figure is also
 * written out in words beside its bar, so no one has to tell shades apart.
 */
export type Fill = 'solid' | 'hatch' | 'dots' | 'empty';

export interface Series {
  label: string;
  fill: Fill;
}

const INK = '#a50e0e';

/** The fills' patterns, once per page (a zero-size SVG, not display:none: Chromium draws no pattern from a hidden one). */
export function chartPatterns(): SafeHtml {
  return html`<svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
<pattern id="fill-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="2.5" height="6" fill="${INK}"/></pattern>
<pattern id="fill-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.3" fill="${INK}"/></pattern>
</defs></svg>`;
}

function paint(fill: Fill): string {
  if (fill === 'solid') return INK;
  if (fill === 'empty') return '#fff';
  return `url(#fill-${fill})`;
}

function swatch(fill: Fill): SafeHtml {
  return html`<svg class="swatch" width="18" height="14" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="17" height="13" fill="${paint(fill)}" stroke="#1a1a1a"/></svg>`;
}

export function legend(series: Series[]): SafeHtml {
  return html`<ul class="legend">${series.map((one) => html`<li>${swatch(one.fill)} ${one.label}</li>`)}</ul>`;
}

/** One horizontal bar of stacked segments, its length out of `max` (every bar of a chart shares it). */
function bar(values: number[], fills: Fill[], max: number): SafeHtml {
  let start = 0;
  const segments = values.map((value, index) => {
    const width = max > 0 ? (value / max) * 100 : 0;
    const rect = value > 0 ? html`<rect x="${start.toFixed(2)}%" y="1" width="${width.toFixed(2)}%" height="16" fill="${paint(fills[index])}" stroke="#1a1a1a"/>` : html``;
    start += width;
    return rect;
  });
  return html`<svg class="bar" width="100%" height="18" aria-hidden="true" focusable="false"><line x1="0" y1="0" x2="0" y2="18" stroke="#1a1a1a"/>${segments}</svg>`;
}

export interface BarRow {
  /** What the row is (a year, a cell's name), linked where it leads somewhere. */
  label: string;
  href?: string;
  /** The row's figures in words, e.g. "Tốt 2, Khá 1": the bar only draws them. */
  words: string;
  values: number[];
}

/**
 * A chart of stacked bars, one row each: the row's name and its figures in words above its bar. HTML carries the
 * words (they wrap at 360 px, and a screen reader reads them); the SVG only draws, so it is hidden from readers.
 */
export function barChart(caption: string, series: Series[], rows: BarRow[]): SafeHtml {
  const max = Math.max(0, ...rows.map((row) => row.values.reduce((sum, value) => sum + value, 0)));
  const fills = series.map((one) => one.fill);
  return html`<figure class="chart"><figcaption>${caption}</figcaption>
${legend(series)}
<ul class="bars">${rows.map(
    (row) => html`<li><span class="bar-label">${row.href ? html`<a href="${row.href}">${row.label}</a>` : row.label}</span> <span class="bar-words">${row.words}</span>
${bar(row.values, fills, max)}</li>`,
  )}</ul></figure>`;
}

export interface RatedPoint {
  epochMs: number;
  rating: Rating;
  /** Under the point: the month it was, "03/2026". */
  tick: string;
}

const ROW_Y: Record<Rating, number> = { TOT: 22, KHA: 56, TRUNG_BINH: 90, KEM: 124 };

/** Each rating's own mark, so the line reads in black and white: a filled circle, a square, a triangle, a cross. */
function marker(rating: Rating, x: number): SafeHtml {
  const y = ROW_Y[rating];
  if (rating === 'TOT') return html`<circle cx="${x}" cy="${y}" r="6" fill="${INK}" stroke="#1a1a1a"/>`;
  if (rating === 'KHA') return html`<rect x="${x - 5.5}" y="${y - 5.5}" width="11" height="11" fill="#1a1a1a"/>`;
  if (rating === 'TRUNG_BINH') return html`<path d="M${x} ${y - 7}L${x + 7} ${y + 6}H${x - 7}Z" fill="#fff" stroke="#1a1a1a" stroke-width="2"/>`;
  return html`<path d="M${x - 6} ${y - 6}L${x + 6} ${y + 6}M${x + 6} ${y - 6}L${x - 6} ${y + 6}" stroke="#1a1a1a" stroke-width="3"/>`;
}

/**
 * The ratings of a cell's meetings over time: one row per rating (Tốt at the top), the meetings left to right in the
 * order they were held, joined by a line. `labels` names each rating; `summary` says the same in words for a reader.
 */
export function ratingTimeline(id: string, caption: string, summary: string, labels: Record<Rating, string>, points: RatedPoint[]): SafeHtml {
  const left = 92;
  const right = 328;
  const sorted = [...points].sort((a, b) => a.epochMs - b.epochMs);
  const step = sorted.length > 1 ? (right - left) / (sorted.length - 1) : 0;
  const xs = sorted.map((_, index) => Math.round((sorted.length > 1 ? left + index * step : (left + right) / 2) * 10) / 10);
  const line = sorted.map((point, index) => `${index === 0 ? 'M' : 'L'}${xs[index]} ${ROW_Y[point.rating]}`).join('');
  return html`<figure class="chart"><figcaption>${caption}</figcaption>
<svg class="timeline" viewBox="0 0 340 190" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${caption}</title><desc id="${id}-desc">${summary}</desc>
${RATINGS.map(
    (rating) => html`<text x="0" y="${ROW_Y[rating] + 4}" font-size="13" fill="#1a1a1a">${labels[rating]}</text><line x1="${left - 8}" y1="${ROW_Y[rating]}" x2="${right + 6}" y2="${ROW_Y[rating]}" stroke="#999" stroke-dasharray="3 3"/>`,
  )}
<path d="${line}" fill="none" stroke="#1a1a1a" stroke-width="1.5"/>
${sorted.map((point, index) => marker(point.rating, xs[index]))}
${sorted.map((point, index) => html`<text x="${xs[index]}" y="146" font-size="11" fill="#1a1a1a" text-anchor="end" transform="rotate(-40 ${xs[index]} 146)">${point.tick}</text>`)}
</svg></figure>`;
}
