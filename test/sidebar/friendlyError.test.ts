/** Host errors reach the user as a plain sentence plus what to do next. */
import { friendlyError } from '../../sidebar/friendlyError';
import { AttributionError } from '../../src/core/AttributionError';

describe('friendly host errors', () => {
  test('keep the engine\'s own message and point to the columns when the table is the problem', () => {
    const error = new AttributionError('NO_HEADER', 'No header row found in the first 10 non-blank rows');
    expect(friendlyError(error, 'read the deals sheet')).toEqual({
      message: 'Could not read the deals sheet: No header row found in the first 10 non-blank rows.',
      next: 'Pick the tab that holds your deals, or map the columns by hand under "Columns".',
    });
  });

  test('drop the "Exception:" prefix Apps Script adds, and suggest waiting after a time-out', () => {
    const result = friendlyError(new Error('Exception: Service Spreadsheets timed out while accessing document'), 'write the summary tabs');
    expect(result.message).toBe('Could not write the summary tabs: Service Spreadsheets timed out while accessing document.');
    expect(result.next).toMatch(/^Try again in a minute/);
  });

  test('still say what failed when the host gives no message', () => {
    expect(friendlyError(undefined, 'update the preview').message).toBe('Could not update the preview.');
  });
});
