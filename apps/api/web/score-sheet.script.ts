import { createHash } from 'node:crypto';

/**
 * The one script of the pages (web.md: a little JavaScript, served by the app, only makes a page nicer): a score
 * sheet's running total and band, updated as the person types, with no request per keystroke. It keeps no rule of
 * its own: the bands are the page's data (data-bands, from the domain's ratingBands) and the sentences are the
 * page's words. Without it, the sheet's "Tính tổng điểm" button asks the server for the same line.
 * Written for the oldest browsers of cheap phones: no syntax newer than ES2015.
 */
export const SCORE_SHEET_SCRIPT = `(function () {
  'use strict';
  var tally = document.getElementById('score-tally');
  if (!tally) return;
  var form = tally.closest('form');
  var bands = JSON.parse(tally.getAttribute('data-bands'));
  var inputs = [].slice.call(form.querySelectorAll('input[name^="score_"]'));
  // Read as the server reads a posted sheet: half points are written 8,5.
  function points(input) {
    var typed = input.value.trim().replace(',', '.');
    return typed === '' ? NaN : Number(typed);
  }
  function update() {
    var total = 0;
    var complete = true;
    var full = {};
    inputs.forEach(function (input) {
      var value = points(input);
      if (isFinite(value)) total += value;
      else complete = false;
      full[input.name.slice(6)] = value === Number(input.getAttribute('data-max'));
    });
    var band = complete
      ? bands.find(function (candidate) {
          return total >= candidate.from && candidate.fullPointsOn.every(function (id) { return full[id]; });
        })
      : undefined;
    tally.querySelector('[data-total]').textContent = String(Math.round(total * 100) / 100).replace('.', tally.getAttribute('data-decimal'));
    tally.querySelector('[data-band]').textContent = band ? band.says : tally.getAttribute('data-incomplete');
  }
  form.addEventListener('input', update);
  // The total follows the typing: the button that asks the server for it is not needed, and the line stays in
  // sight at the foot of the screen while the sheet is (the "live" style). Removed, not hidden: as the form's
  // first button it would take Enter in a score field, and Enter should send the form, not ask for the total.
  var button = form.querySelector('button[name="tally"]');
  if (button) button.remove();
  tally.classList.add('live');
  update();
})();
`;

/** Where the pages load it from; the version changes with its text, so a phone may keep it for a year. */
export const SCORE_SHEET_SCRIPT_PATH = '/tep/bang-diem.js';
export const SCORE_SHEET_SCRIPT_VERSION = createHash('sha256').update(SCORE_SHEET_SCRIPT).digest('hex').slice(0, 12);
export const SCORE_SHEET_SCRIPT_URL = `${SCORE_SHEET_SCRIPT_PATH}?v=${SCORE_SHEET_SCRIPT_VERSION}`;
