// The product's own words for what the demo prints (libs/wording): times as people write them in
// Asia/Ho_Chi_Minh, and the labels of the codes a critique and a report carry. They are read from the build
// `npm start` made of this checkout (dist/), so the demo keeps no second copy of them; the stage and the
// rating of a cycle come with the cycle itself (statusLabel, review.ratingLabel).

async function fromBuild(/** @type {string} */ file) {
  try {
    return await import(new URL(`../../dist/libs/wording/${file}`, import.meta.url).href);
  } catch (error) {
    throw new Error(`Chưa có bản build của dự án (dist/): hãy chạy "npm start" trước / run "npm start" first (${/** @type {Error} */ (error).message})`);
  }
}

export const { vietnamTime, vietnamDay, vietnamCalendarDay } = await fromBuild('vietnam-time.js');
export const { CRITIQUE_STAGE_LABELS, POINT_KIND_LABELS, STANCE_LABELS } = await fromBuild('labels.js');
