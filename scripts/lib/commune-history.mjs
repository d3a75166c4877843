// Years of model meetings written straight into the app's database with set-based SQL (generate_series, a few
// statements, no HTTP and no workflow): the rows the workflow's activities would have left behind once each
// cycle had run, so the committee's dashboard, a cell's record and the year report read what ten years of use
// leave. Used by the bench's dashboard phase (phases/dashboard.mjs) and by `npm run demo` for the years before
// its own cycles.
//
// Per commune: its cells (numbered, in clusters), a secretary each, and for each quarter from `fromYear` to
// now one model meeting per cluster, hosted by the cluster's cells in turn and inviting the cluster's other
// cells. Each cycle gets its invitations and RSVPs, the meeting record (attending cells), one critique per
// attending cell that did not miss the window, the host's report (answers to every weakness and suggestion,
// lessons, three action items), the committee's review and rating, the visiting cells' adoptions, and its
// timeline. What varies is drawn from md5 of the rows' own keys, so the same call writes the same picture:
//   rating     from the host cell's standing (a number per cell) and the meeting's luck: about a fifth Tốt,
//              half Khá, a fifth Trung bình, a few Kém;
//   RSVPs      about 92 % accepted, 5 % declined, the rest never answered; 95 % of those accepting attend;
//   critiques  each cell has its own diligence: it misses 3–19 % of its windows, else sends within them
//              (the workflow takes none after the window: a critique is on time or missed);
//   reports    about one in eight filed after its due time (report.late);
//   items      three per report, due 1–3 months later: most done, a few dropped, the rest still open;
//   recent     cycles whose meeting was under 45 days ago are still open in one of two stages out of three
//              (REVIEW: the report waits for the committee; REPORTING: the host's report is due or late).
// Meetings come no later than `until` (by default 4 days before `now`: the critique window has closed); with
// openWithinDays 0 every cycle is closed (the demo's past, which no workflow will ever take up again).

const DAY_MS = 86_400_000;

/** 0–99 from md5 of a text: the same rows draw the same numbers. */
const draw = (text) => `(('x' || substr(md5(${text}), 1, 7))::bit(28)::int % 100)`;

const ROMAN = `(ARRAY['I','II','III','IV'])`;

/**
 * Writes the history in one transaction on `client` (a connected pg.Client on the app's database).
 * `communes`: [{ committeeId?, name, cells | cellIds, clusterSize, staffId? }]: a commune without committeeId is
 * made (with a staff account); one with it gets its cells made in it, or with `cellIds` uses those cells (and
 * their secretaries) as they are. `passwordHash`: every account made gets it
 * (the hash of a password the caller knows). `tag`: makes usernames unique. Answers what was written, and
 * per commune given its cells' ids, in order.
 */
export async function writeHistory(client, { communes, fromYear, now = new Date(), until = new Date(now.getTime() - 4 * DAY_MS), openWithinDays = 45, passwordHash, tag }) {
  const given = communes.map((commune, index) => ({ index, cellIds: commune.cellIds })).filter(({ cellIds }) => cellIds);
  await client.query('BEGIN');
  try {
    await client.query(`CREATE TEMP TABLE g_communes (n int, committee_id uuid, name text, cells int, cluster_size int, staff_id uuid) ON COMMIT DROP`);
    for (const [index, commune] of communes.entries()) {
      await client.query(`INSERT INTO g_communes VALUES ($1, coalesce($2::uuid, gen_random_uuid()), $3, $4, $5, coalesce($6::uuid, gen_random_uuid()))`, [
        index,
        commune.committeeId ?? null,
        commune.name,
        commune.cellIds?.length ?? commune.cells,
        commune.clusterSize,
        commune.staffId ?? null,
      ]);
    }
    const made = communes.map((commune, index) => (commune.committeeId ? null : index)).filter((index) => index !== null);
    await client.query(`INSERT INTO committees (id, name) SELECT committee_id, name FROM g_communes WHERE n = ANY($1)`, [made]);
    await client.query(
      `INSERT INTO users (id, username, password_hash, full_name, role, committee_id)
       SELECT staff_id, 'vanphong.' || $2 || '.' || n, $3, 'Văn phòng ' || name, 'committee', committee_id FROM g_communes WHERE n = ANY($1)`,
      [made, tag, passwordHash],
    );

    // Cells, clustered: made (numbered) for a commune without `cellIds`, else the commune's own, in that order.
    await client.query(`
      CREATE TEMP TABLE g_cells ON COMMIT DROP AS
      SELECT gen_random_uuid() AS cell_id, gen_random_uuid() AS secretary_id, m.n, m.committee_id, i AS idx,
             (i - 1) / m.cluster_size AS cluster, 'Chi bộ thôn ' || i AS name, true AS made
        FROM g_communes m, generate_series(1, m.cells) AS i
       WHERE NOT m.n = ANY($1)`,
      [given.map(({ index }) => index)],
    );
    for (const { index, cellIds } of given) {
      await client.query(
        `INSERT INTO g_cells
         SELECT x.id, coalesce((SELECT u.id FROM users u WHERE u.cell_id = x.id AND u.role = 'secretary' AND u.deactivated_at IS NULL ORDER BY u.created_at LIMIT 1), m.staff_id),
                m.n, m.committee_id, o, (o - 1) / m.cluster_size, x.name, false
           FROM unnest($2::uuid[]) WITH ORDINALITY AS g (id, o) JOIN cells x ON x.id = g.id JOIN g_communes m ON m.n = $1`,
        [index, cellIds],
      );
    }
    await client.query(`ALTER TABLE g_cells ADD COLUMN pos int`);
    await client.query(`UPDATE g_cells g SET pos = p.pos FROM (SELECT cell_id, row_number() OVER (PARTITION BY n, cluster ORDER BY idx) - 1 AS pos FROM g_cells) p WHERE p.cell_id = g.cell_id`);
    await client.query(`
      INSERT INTO cells (id, committee_id, name, member_count, created_at)
      SELECT cell_id, committee_id, name, 13 + ${draw(`cell_id::text || 'members'`)} % 19, make_timestamptz(${fromYear}, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh') FROM g_cells WHERE made`);
    await client.query(
      `INSERT INTO users (id, username, password_hash, full_name, role, committee_id, cell_id)
       SELECT secretary_id, 'bithu.' || $1 || '.' || n || '.' || idx, $2, 'Bí thư chi bộ thôn ' || idx, 'secretary', committee_id, cell_id FROM g_cells WHERE made`,
      [tag, passwordHash],
    );

    // One cycle per cluster and quarter; its host the cluster's cell whose turn it is.
    await client.query(
      `CREATE TEMP TABLE g_cycles ON COMMIT DROP AS
       WITH slots AS (
         SELECT m.n, m.committee_id, m.staff_id, y, q, k.cluster, k.size,
                make_timestamptz(y, 3 * q - 1, 3 + k.cluster * 6 % 20 + ${draw(`m.committee_id::text || y || q || k.cluster`)} % 6, 8, 0, 0, 'Asia/Ho_Chi_Minh') AS meeting_at,
                (y - $1) * 4 + q - 1 AS turn
           FROM g_communes m
           JOIN (SELECT n, cluster, count(*) AS size FROM g_cells GROUP BY n, cluster) k ON k.n = m.n
           CROSS JOIN generate_series($1::int, extract(year FROM $2::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::int) AS y
           CROSS JOIN generate_series(1, 4) AS q
       )
       SELECT gen_random_uuid() AS cycle_id, s.*, h.cell_id AS host_cell_id, h.name AS host_name, h.secretary_id AS host_secretary_id,
              CASE WHEN s.meeting_at > $2::timestamptz - $4 * interval '1 day' AND (s.cluster + s.n) % 3 = 1 THEN 'REVIEW'
                   WHEN s.meeting_at > $2::timestamptz - $4 * interval '1 day' AND (s.cluster + s.n) % 3 = 2 THEN 'REPORTING'
                   ELSE 'CLOSED' END AS status,
              s.meeting_at + interval '3 hours' AS recorded_at,
              s.meeting_at + interval '3 hours' + interval '3 days' AS closes_at,
              ${draw(`h.cell_id::text || 'standing'`)} * 6 / 10 + ${draw(`s.committee_id::text || s.turn || s.cluster || 'luck'`)} * 4 / 10 AS quality,
              ${draw(`s.committee_id::text || s.turn || s.cluster || 'late'`)} < 12 AS late_report
         FROM slots s
         JOIN g_cells h ON h.n = s.n AND h.cluster = s.cluster AND h.pos = (s.turn + s.cluster) % s.size
        WHERE s.meeting_at <= $3::timestamptz`,
      [fromYear, now, until, openWithinDays],
    );
    await client.query(`
      ALTER TABLE g_cycles ADD COLUMN rating text, ADD COLUMN filed_at timestamptz, ADD COLUMN report_due_at timestamptz, ADD COLUMN reviewed_at timestamptz, ADD COLUMN title text`);
    await client.query(`
      UPDATE g_cycles SET
        rating = CASE WHEN status <> 'CLOSED' THEN NULL WHEN quality >= 66 THEN 'TOT' WHEN quality >= 36 THEN 'KHA' WHEN quality >= 12 THEN 'TRUNG_BINH' ELSE 'KEM' END,
        report_due_at = closes_at + interval '7 days',
        filed_at = CASE WHEN status = 'REPORTING' THEN NULL WHEN late_report THEN closes_at + interval '9 days' ELSE closes_at + interval '4 days' END,
        reviewed_at = CASE WHEN status = 'CLOSED' THEN closes_at + interval '14 days' END,
        title = 'Sinh hoạt chi bộ điểm quý ' || ${ROMAN}[q] || ' năm ' || y || ' — ' || host_name`);

    // Invitations: the cluster's other cells.
    await client.query(`
      CREATE TEMP TABLE g_invites ON COMMIT DROP AS
      SELECT c.cycle_id, v.cell_id, v.secretary_id, v.name,
             CASE WHEN r < 92 THEN 'ACCEPTED' WHEN r < 97 THEN 'DECLINED' ELSE 'PENDING' END AS status,
             r < 92 AND ${draw(`c.cycle_id::text || v.cell_id::text || 'attend'`)} < 95 AS attended,
             ${draw(`c.cycle_id::text || v.cell_id::text || 'critique'`)} >= 3 + ${draw(`v.cell_id::text || 'diligence'`)} / 6 AS critiqued,
             c.status = 'CLOSED' AND ${draw(`c.cycle_id::text || v.cell_id::text || 'adopt'`)} < 55 AS adopted,
             c.meeting_at - interval '12 days' + (${draw(`c.cycle_id::text || v.cell_id::text || 'rsvp'`)} * interval '100 minutes') AS responded_at,
             c.recorded_at + (1 + ${draw(`c.cycle_id::text || v.cell_id::text || 'sent'`)} * 7 / 10) * interval '1 hour' AS submitted_at
        FROM g_cycles c
        JOIN g_cells v ON v.n = c.n AND v.cluster = c.cluster AND v.cell_id <> c.host_cell_id
        CROSS JOIN LATERAL (SELECT ${draw(`c.cycle_id::text || v.cell_id::text || 'rsvp'`)} AS r) AS d`);
    await client.query(`UPDATE g_invites SET critiqued = attended AND critiqued`);

    await client.query(`
      INSERT INTO cycles (id, committee_id, title, topic, kind, status, host_cell_id, meeting_at, location, rubric_id, rubric, critique_window, report_window,
                          plan, meeting, report, review, plan_due_at, record_due_at, review_due_at, ruleset, critique_closes_at, report_due_at,
                          last_seq, created_by, created_at, updated_at)
      SELECT c.cycle_id, c.committee_id, c.title,
             CASE WHEN c.q % 2 = 0 THEN 'Nâng cao chất lượng sinh hoạt chuyên đề quý ' || ${ROMAN}[c.q] ELSE 'Thực hiện nghị quyết của chi bộ quý ' || ${ROMAN}[c.q] END,
             CASE WHEN c.q % 2 = 0 THEN 'thematic' ELSE 'regular' END, c.status, c.host_cell_id, c.meeting_at, 'Nhà văn hóa ' || lower(c.host_name),
             r.id, jsonb_build_object('id', r.id, 'name', r.name, 'version', r.version, 'criteria', r.criteria, 'pointStep', r.point_step),
             'P3D', 'P7D',
             jsonb_build_object('agenda', jsonb_build_array('Khai mạc, điểm danh', 'Đánh giá việc thực hiện nghị quyết tháng trước', 'Thảo luận chuyên đề', 'Biểu quyết nghị quyết'),
                                'content', 'Dự thảo báo cáo và nội dung thảo luận của ' || lower(c.host_name) || '.', 'draftResolution', NULL,
                                'postedAt', c.meeting_at - interval '5 days', 'postedBy', c.host_secretary_id, 'late', false),
             jsonb_build_object('startedAt', c.meeting_at, 'endedAt', c.meeting_at + interval '150 minutes', 'durationMinutes', 150,
                                'attendance', jsonb_build_object('present', 20, 'total', 21, 'absentWithReason', 1, 'absentWithoutReason', 0, 'exempted', 0),
                                'attendingCellIds', coalesce((SELECT jsonb_agg(i.cell_id) FROM g_invites i WHERE i.cycle_id = c.cycle_id AND i.attended), '[]'::jsonb),
                                'minutes', 'Biên bản buổi sinh hoạt của ' || lower(c.host_name) || '.', 'resolution', 'Nghị quyết của chi bộ.',
                                'selfScores', NULL, 'selfScoreTotal', NULL, 'selfRating', NULL, 'qualityFlags', '[]'::jsonb, 'combined', c.q % 2 = 0,
                                'recordedAt', c.recorded_at, 'recordedBy', c.host_secretary_id),
             NULL,
             CASE WHEN c.status = 'CLOSED' THEN jsonb_build_object('decision', 'accept', 'rating', c.rating, 'comment', NULL, 'reviewedAt', c.reviewed_at, 'reviewedBy', c.staff_id) END,
             c.meeting_at - interval '1 day', c.meeting_at + interval '2 days',
             CASE WHEN c.status = 'REVIEW' THEN c.filed_at + interval '7 days' END,
             3, c.closes_at, c.report_due_at, 0, c.staff_id, c.meeting_at - interval '21 days', coalesce(c.reviewed_at, c.filed_at, c.closes_at)
        FROM g_cycles c CROSS JOIN (SELECT * FROM rubrics WHERE is_template ORDER BY created_at, id LIMIT 1) AS r`);
    await client.query(`
      INSERT INTO cycle_invitations (cycle_id, cell_id, status, delegate, note, responded_at, attended, adoption)
      SELECT cycle_id, cell_id, status,
             CASE WHEN status = 'ACCEPTED' THEN 'Đồng chí Bí thư ' || lower(name) END,
             CASE WHEN status = 'DECLINED' THEN 'Trùng lịch sinh hoạt của chi bộ' END,
             CASE WHEN status <> 'PENDING' THEN responded_at END, attended,
             CASE WHEN adopted AND attended THEN 'Vận dụng cách chuẩn bị và điều hành buổi sinh hoạt vào sinh hoạt của chi bộ' END
        FROM g_invites`);
    await client.query(`
      INSERT INTO critiques (id, cycle_id, cell_id, submitted_by, submitted_at, points, scores, score_total, rating)
      SELECT gen_random_uuid(), i.cycle_id, i.cell_id, i.secretary_id, i.submitted_at,
             jsonb_build_array(
               jsonb_build_object('id', gen_random_uuid(), 'stage', (ARRAY['preparation','procedure','content'])[1 + ${draw(`i.cell_id::text || i.cycle_id::text || 's'`)} % 3], 'kind', 'strength', 'text', 'Chuẩn bị chu đáo, tài liệu gửi trước.'),
               jsonb_build_object('id', gen_random_uuid(), 'stage', (ARRAY['chairing','minutes','tasks'])[1 + ${draw(`i.cell_id::text || i.cycle_id::text || 'w'`)} % 3], 'kind', 'weakness', 'text', 'Thời gian thảo luận còn ngắn.'),
               jsonb_build_object('id', gen_random_uuid(), 'stage', 'content', 'kind', 'suggestion', 'text', 'Nên gắn nội dung với nhiệm vụ cụ thể của thôn.')),
             NULL, NULL, c.rating
        FROM g_invites i JOIN g_cycles c ON c.cycle_id = i.cycle_id
       WHERE i.critiqued`);

    // The report (REVIEW and CLOSED): an answer to every weakness and suggestion, lessons, three action items of the host.
    await client.query(`
      CREATE TEMP TABLE g_items ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, c.cycle_id, c.host_cell_id, j,
             (c.filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 30 * j AS due_date,
             (ARRAY['Bổ sung quy chế làm việc của chi bộ', 'Phân công đảng viên theo dõi nghị quyết', 'Hoàn thiện sổ biên bản sinh hoạt'])[j] AS title,
             ${draw(`c.cycle_id::text || j || 'item'`)} AS r
        FROM g_cycles c CROSS JOIN generate_series(1, 3) AS j
       WHERE c.filed_at IS NOT NULL`);
    await client.query(
      `INSERT INTO action_items (id, cycle_id, cell_id, title, owner, due_date, done_at, done_by, dropped_at, dropped_by, drop_reason)
       SELECT i.id, i.cycle_id, i.host_cell_id, i.title, 'Đồng chí Bí thư chi bộ', i.due_date,
              CASE WHEN i.due_date < $1::date AND i.r < 85 THEN (i.due_date - 3)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
              CASE WHEN i.due_date < $1::date AND i.r < 85 THEN c.host_secretary_id END,
              CASE WHEN i.due_date < $1::date AND i.r BETWEEN 85 AND 89 THEN i.due_date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
              CASE WHEN i.due_date < $1::date AND i.r BETWEEN 85 AND 89 THEN c.host_secretary_id END,
              CASE WHEN i.due_date < $1::date AND i.r BETWEEN 85 AND 89 THEN 'Không còn phù hợp' END
         FROM g_items i JOIN g_cycles c ON c.cycle_id = i.cycle_id`,
      [now],
    );
    await client.query(`
      UPDATE cycles y SET report = jsonb_build_object(
          'responses', coalesce((SELECT jsonb_agg(jsonb_build_object('pointId', p->>'id', 'stance', CASE WHEN p->>'kind' = 'weakness' THEN 'accept' ELSE 'partly' END,
                                                                     'text', 'Chi bộ tiếp thu và khắc phục.') ORDER BY k.submitted_at, p->>'id')
                                   FROM critiques k CROSS JOIN jsonb_array_elements(k.points) AS p
                                  WHERE k.cycle_id = c.cycle_id AND p->>'kind' <> 'strength'), '[]'::jsonb),
          'lessons', jsonb_build_array('Chuẩn bị tài liệu sớm, gửi trước cho đảng viên', 'Dành nhiều thời gian hơn cho thảo luận'),
          'actionItems', (SELECT jsonb_agg(jsonb_build_object('id', i.id, 'title', i.title, 'owner', 'Đồng chí Bí thư chi bộ', 'dueDate', i.due_date::text) ORDER BY i.j)
                            FROM g_items i WHERE i.cycle_id = c.cycle_id),
          'revision', 1, 'filedAt', c.filed_at, 'filedBy', c.host_secretary_id, 'late', c.late_report)
        FROM g_cycles c WHERE y.id = c.cycle_id AND c.filed_at IS NOT NULL`);

    // The timeline, numbered in order of time, and last_seq.
    await client.query(`
      INSERT INTO cycle_events (cycle_id, seq, at, event, actor_id, detail)
      SELECT cycle_id, row_number() OVER (PARTITION BY cycle_id ORDER BY at, o, cell), at, event, actor_id, detail
        FROM (
          SELECT cycle_id, meeting_at - interval '21 days' AS at, 0 AS o, NULL::text AS cell, 'CYCLE_LAUNCHED' AS event, staff_id AS actor_id, NULL::jsonb AS detail FROM g_cycles
          UNION ALL
          SELECT i.cycle_id, i.responded_at, 1, i.cell_id::text, CASE WHEN i.status = 'ACCEPTED' THEN 'RSVP_ACCEPTED' ELSE 'RSVP_DECLINED' END, i.secretary_id,
                 jsonb_build_object('cellId', i.cell_id)
            FROM g_invites i WHERE i.status <> 'PENDING'
          UNION ALL
          SELECT cycle_id, meeting_at - interval '5 days', 2, NULL, 'PLAN_POSTED', host_secretary_id, NULL FROM g_cycles
          UNION ALL
          SELECT cycle_id, recorded_at, 3, NULL, 'MEETING_RECORDED', host_secretary_id,
                 jsonb_build_object('attendingCells', (SELECT count(*) FROM g_invites i WHERE i.cycle_id = g_cycles.cycle_id AND i.attended)) FROM g_cycles
          UNION ALL
          SELECT k.cycle_id, k.submitted_at, 4, k.cell_id::text, 'CRITIQUE_SUBMITTED', k.submitted_by, jsonb_build_object('cellId', k.cell_id, 'critiqueId', k.id, 'points', 3)
            FROM critiques k JOIN g_cycles c ON c.cycle_id = k.cycle_id
          UNION ALL
          SELECT c.cycle_id, c.closes_at, 5, NULL, 'CRITIQUE_CLOSED', NULL, jsonb_build_object('missingCellIds', m.missing)
            FROM g_cycles c
            JOIN (SELECT cycle_id, jsonb_agg(cell_id) AS missing FROM g_invites WHERE attended AND NOT critiqued GROUP BY cycle_id) m ON m.cycle_id = c.cycle_id
          UNION ALL
          SELECT cycle_id, filed_at, 6, NULL, 'REPORT_FILED', host_secretary_id, jsonb_build_object('revision', 1, 'late', late_report) FROM g_cycles WHERE filed_at IS NOT NULL
          UNION ALL
          SELECT cycle_id, reviewed_at, 7, NULL, 'CYCLE_CLOSED', staff_id, jsonb_build_object('rating', rating) FROM g_cycles WHERE reviewed_at IS NOT NULL
        ) AS events`);
    await client.query(`UPDATE cycles y SET last_seq = e.seq FROM (SELECT cycle_id, max(seq) AS seq FROM cycle_events GROUP BY cycle_id) e, g_cycles c WHERE y.id = c.cycle_id AND e.cycle_id = c.cycle_id`);

    // What the host ranking reads: each cell's last hosted meeting and its rating.
    await client.query(`
      UPDATE cells x SET last_hosted_at = l.meeting_at, last_rating = l.rating
        FROM (SELECT DISTINCT ON (host_cell_id) host_cell_id, meeting_at, rating FROM g_cycles WHERE status = 'CLOSED' ORDER BY host_cell_id, meeting_at DESC) l
       WHERE x.id = l.host_cell_id AND (x.last_hosted_at IS NULL OR x.last_hosted_at < l.meeting_at)`);

    const counts = await client.query(`
      SELECT (SELECT count(*)::int FROM g_cycles) AS cycles,
             (SELECT count(*)::int FROM g_cycles WHERE status = 'CLOSED') AS closed,
             (SELECT count(*)::int FROM g_invites) AS invitations,
             (SELECT count(*)::int FROM g_invites WHERE critiqued) AS critiques,
             (SELECT count(*)::int FROM g_invites WHERE attended AND NOT critiqued) AS missed,
             (SELECT count(*)::int FROM g_items) AS action_items,
             (SELECT count(*)::int FROM g_cells) AS cells`);
    const perCommune = await client.query(`
      SELECT m.n, m.committee_id AS "committeeId", m.staff_id AS "staffId",
             (SELECT array_agg(cell_id ORDER BY idx) FROM g_cells x WHERE x.n = m.n) AS "cellIds",
             (SELECT count(*)::int FROM g_cycles c WHERE c.n = m.n) AS cycles,
             (SELECT count(*)::int FROM g_cycles c WHERE c.n = m.n AND c.status = 'CLOSED') AS closed,
             (SELECT count(*)::int FROM g_invites i JOIN g_cycles c ON c.cycle_id = i.cycle_id WHERE c.n = m.n) AS invitations,
             (SELECT count(*)::int FROM g_invites i JOIN g_cycles c ON c.cycle_id = i.cycle_id WHERE c.n = m.n AND i.critiqued) AS critiques,
             (SELECT count(*)::int FROM g_invites i JOIN g_cycles c ON c.cycle_id = i.cycle_id WHERE c.n = m.n AND i.attended AND NOT i.critiqued) AS missed,
             (SELECT count(*)::int FROM g_cycles c WHERE c.n = m.n AND c.late_report AND c.filed_at IS NOT NULL) AS late_reports
        FROM g_communes m ORDER BY m.n`);
    await client.query('COMMIT');
    return { ...counts.rows[0], communes: perCommune.rows };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
