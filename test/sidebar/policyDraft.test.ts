/** The sidebar edits the whole policy but saves only what differs from the defaults. */
import { draftPolicy, parseTermList, policyOverrides, stageStatus, withStageStatus } from '../../sidebar/policyDraft';
import { DEFAULT_POLICY } from '../../src/core/policy';

describe('the policy draft', () => {
  test('saves nothing when nothing changed, and only the changed keys otherwise', () => {
    expect(policyOverrides(draftPolicy({}))).toEqual({});
    const edited = { ...draftPolicy({}), influenceModel: 'position' as const, registrationGraceDays: 10 };
    expect(policyOverrides(edited)).toEqual({ influenceModel: 'position', registrationGraceDays: 10 });
  });

  test('falls back to the defaults when saved overrides cannot be read', () => {
    expect(draftPolicy({ influenceModel: 'nonsense' } as never)).toEqual(draftPolicy({}));
  });

  test('reads stages the way the engine does, whatever the spacing and punctuation', () => {
    const policy = draftPolicy({});
    expect(stageStatus(policy, 'Closed - Won')).toBe('won');
    expect(stageStatus(policy, 'CLOSED_LOST')).toBe('lost');
    expect(stageStatus(policy, 'Negotiation')).toBe('open');
  });

  test('moving a stage takes every spelling of it out of the other list', () => {
    const policy = withStageStatus(draftPolicy({}), 'Closed Won', 'lost');
    expect(stageStatus(policy, 'closed won')).toBe('lost');
    expect(stageStatus(policy, 'ClosedWon')).toBe('lost');
    expect(policy.wonStages).not.toContain('closed won');
    expect(stageStatus(withStageStatus(policy, 'Closed Won', 'open'), 'Closed Won')).toBe('open');
    expect(DEFAULT_POLICY.wonStages).toContain('closed won');
  });

  test('reads a list typed one per line or separated by commas, without blanks or repeats', () => {
    expect(parseTermList('Partner\n\n Channel , Partner; Reseller')).toEqual(['Partner', 'Channel', 'Reseller']);
  });
});
