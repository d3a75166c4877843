import type { PinnedRubric, Scores } from '../../../../libs/domain/cycle.js';
import { ratingBands, sheetBand, summariseScores } from '../../../../libs/domain/rating.js';
import { RATING_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { html, type SafeHtml } from '../html.js';
import { SCORE_SHEET_SCRIPT_URL } from '../score-sheet.script.js';

/** A score as typed, as a number: people write half points as 8,5. What is not a number is NaN. */
export function typedPoints(typed: string): number {
  return Number(typed.trim().replace(',', '.'));
}

/** Points as people write them: 85,5 in Vietnamese. */
function pointsInWords(points: number, language: Language): string {
  return String(Math.round(points * 100) / 100).replace('.', language === 'vi' ? ',' : '.');
}

/**
 * A score sheet's lines, then its total and the band the total reaches (web.md: "a running total and the band
 * it reaches"). The line is worked out here from what was typed when the page was made: after "Tính tổng điểm"
 * (a post that sends nothing, for phones without JavaScript) or a form sent back. The app's script keeps it up
 * to date as the person types, from the same bands given as data (ratingBands): the rule stays in the domain.
 * meetingFlags: the meeting record's flags, for the committee's sheet (a Tốt they rule out is not offered).
 */
export function scoreSheetFields(language: Language, rubric: PinnedRubric, typed: Record<string, string>, meetingFlags: readonly string[] = []): SafeHtml {
  const vi = language === 'vi';
  const sheet: Scores = {};
  for (const criterion of rubric.criteria) {
    const points = typedPoints(typed[criterion.id] ?? '');
    if ((typed[criterion.id] ?? '').trim() !== '' && Number.isFinite(points)) sheet[criterion.id] = points;
  }
  const { total, maxTotal } = summariseScores(rubric, sheet);
  const band = sheetBand(rubric, sheet, meetingFlags);
  const says = (rating: keyof typeof RATING_LABELS) => `${vi ? 'Mức xếp loại' : 'Band'}: ${RATING_LABELS[rating][language]}.`;
  const incomplete = vi
    ? `Mức xếp loại hiện khi đã chấm đủ ${rubric.criteria.length} tiêu chí.`
    : `The band shows once all ${rubric.criteria.length} criteria are scored.`;
  const bands = ratingBands(rubric, meetingFlags).map(({ from, fullPointsOn, rating }) => ({ from, fullPointsOn, says: says(rating) }));
  const lines = rubric.criteria.map(
    (criterion) => html`<label for="score_${criterion.id}">${criterion.label} (${vi ? 'tối đa' : 'at most'} ${criterion.maxPoints})</label>
<input id="score_${criterion.id}" name="score_${criterion.id}" inputmode="decimal" data-max="${criterion.maxPoints}" value="${typed[criterion.id] ?? ''}">`,
  );
  return html`<div class="sheet">${lines}
<div class="tally" id="score-tally" data-bands="${JSON.stringify(bands)}" data-incomplete="${incomplete}" data-decimal="${vi ? ',' : '.'}">
<p id="score-total" role="status">${vi ? 'Tổng điểm' : 'Total'}: <strong data-total>${pointsInWords(total, language)}</strong>/${pointsInWords(maxTotal, language)}. <strong data-band>${band ? says(band) : incomplete}</strong></p>
<button type="submit" name="tally" value="1">${vi ? 'Tính tổng điểm' : 'Add up the points'}</button>
</div></div>
<script src="${SCORE_SHEET_SCRIPT_URL}" defer></script>`;
}
