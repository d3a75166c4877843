import type { ActionItemNotice, NotificationReason } from '../domain/cycle-events.js';

/** The page that acts on a notification: a message's link goes straight to the form, not to a list. */
const PAGE_OF: Partial<Record<NotificationReason | ActionItemNotice, string>> = {
  HOST_SELECTION_NEEDED: 'chon-chi-bo-diem',
  HOST_SELECTION_REMINDER: 'chon-chi-bo-diem',
  INVITED: 'xac-nhan',
  RSVP_REMINDER: 'xac-nhan',
  RESCHEDULED_RECONFIRM: 'xac-nhan',
  CHOSEN_AS_HOST: 'chuong-trinh',
  PLAN_DUE_SOON: 'chuong-trinh',
  PLAN_REMINDER: 'chuong-trinh',
  MEETING_RECORD_REMINDER: 'buoi-sinh-hoat',
  CRITIQUE_OPEN: 'gop-y',
  CRITIQUE_REMINDER: 'gop-y',
  REPORT_NEEDED: 'bao-cao',
  REPORT_REMINDER: 'bao-cao',
  REPORT_OVERDUE: 'bao-cao',
  REVISION_REQUESTED: 'bao-cao',
  REVIEW_NEEDED: 'danh-gia',
  REVIEW_REMINDER: 'danh-gia',
  LESSONS_SHARED: 'ap-dung',
  ACTION_ITEM_DUE_SOON: 'viec-can-lam',
  ACTION_ITEM_OVERDUE: 'viec-can-lam',
  ACTION_ITEM_OVERDUE_ALERT: 'viec-can-lam',
};

/** The absolute address a message links to; the cycle's page when no form acts on it, the inbox without a cycle. */
export function deepLinkOf(publicUrl: string, reason: NotificationReason | ActionItemNotice, cycleId: string | null): string {
  if (!cycleId) return `${publicUrl}/notifications`;
  const page = PAGE_OF[reason];
  return `${publicUrl}/dot/${cycleId}${page ? `/${page}` : ''}`;
}
