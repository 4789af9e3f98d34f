import { describe, expect, it } from 'vitest';
import { GUIDE_STATUSES } from '../shared/enums.js';
import { checkInitialStatus, checkStatusChange, GUIDE_STATUS_TRANSITIONS } from './guideStatus.js';

describe('guide status transitions', () => {
  it('follows interested → in training → active ⇄ paused → left', () => {
    expect(checkStatusChange('interested', 'in_training', { certifiedAt: null })).toBeNull();
    expect(checkStatusChange('in_training', 'active', { certifiedAt: '2026-06-01' })).toBeNull();
    expect(checkStatusChange('active', 'paused', { certifiedAt: '2026-06-01' })).toBeNull();
    expect(checkStatusChange('paused', 'active', { certifiedAt: '2026-06-01' })).toBeNull();
    expect(checkStatusChange('paused', 'left', { certifiedAt: '2026-06-01' })).toBeNull();
    expect(checkStatusChange('left', 'interested', { certifiedAt: '2026-06-01' })).toBeNull();
  });

  it('refuses skipping the training', () => {
    expect(checkStatusChange('interested', 'active', { certifiedAt: '2026-06-01' })).toBe('invalid_status_transition');
    expect(checkStatusChange('left', 'active', { certifiedAt: '2026-06-01' })).toBe('invalid_status_transition');
  });

  it('only lets certified guides become active', () => {
    expect(checkStatusChange('in_training', 'active', { certifiedAt: null })).toBe('certificate_required');
    expect(checkInitialStatus('active', { certifiedAt: undefined })).toBe('certificate_required');
    expect(checkInitialStatus('active', { certifiedAt: '2026-01-01' })).toBeNull();
    expect(checkInitialStatus('interested', { certifiedAt: null })).toBeNull();
  });

  it('has a transition list for every status, and no status transitions to itself', () => {
    for (const status of GUIDE_STATUSES) {
      expect(GUIDE_STATUS_TRANSITIONS[status].length).toBeGreaterThan(0);
      expect(GUIDE_STATUS_TRANSITIONS[status]).not.toContain(status);
      expect(checkStatusChange(status, status, { certifiedAt: null })).toBeNull();
    }
  });
});
