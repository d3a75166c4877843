/** The cell is the caller's own: the body carries nothing (an empty object). */
export class ClaimAttendanceDto {}
