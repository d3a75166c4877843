import { describe, expect, it } from '@jest/globals';
import { CYCLE_EVENT_NAMES } from '../domain/cycle-events.js';
import { eventLabel } from './timeline-labels.js';

/** Events the API writes on an ended cycle's timeline (follow-up), besides the workflow's own. */
const FOLLOW_UP_EVENTS = ['LESSONS_ADOPTED', 'ACTION_ITEM_DONE', 'ACTION_ITEM_DROPPED', 'CYCLE_CANCELLED_WITHOUT_WORKFLOW'];

describe('timeline labels', () => {
  it.each([...CYCLE_EVENT_NAMES, ...FOLLOW_UP_EVENTS])('%s has a label in Vietnamese and in English, never the code', (event) => {
    for (const language of ['vi', 'en'] as const) {
      const label = eventLabel(event, language);
      expect(label).not.toBe(event);
      expect(label).not.toMatch(/[A-Z]{2,}_[A-Z]/);
      expect(label.length).toBeGreaterThan(5);
    }
  });
});
