/** Turns whatever a host call threw into a plain sentence and what to do next. */

/** A host error as the sidebar shows it. */
export interface FriendlyError {
  /** What went wrong, in the host's or engine's own words when it gave some. */
  message: string;
  /** What the user can do about it. */
  next: string;
}

const messageOf = (error: unknown): string => {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return '';
};

/**
 * Describes a failed host call. `action` names what the user tried ("write the summary tabs").
 * Apps Script prefixes server errors with "Exception:"; that prefix is noise to a user and dropped.
 */
export function friendlyError(error: unknown, action: string): FriendlyError {
  const raw = messageOf(error).replace(/^(Exception|Error|AttributionError):\s*/i, '').trim();
  const lower = raw.toLowerCase();
  let next = 'Check the settings above and try again. If it keeps happening, close and reopen the sidebar.';
  if (/timed out|timeout|exceeded maximum execution time/.test(lower)) {
    next = 'Try again in a minute. For very large sheets, the command line handles any size.';
  } else if (/authori[sz]ation|permission|access denied|not allowed/.test(lower)) {
    next = 'Reopen the add-on from the menu and allow it access to this file, then try again.';
  } else if (/network|failed to fetch|offline|connection/.test(lower)) {
    next = 'Check your connection, then try again.';
  } else if (/protected|read-only|locked|editing/.test(lower)) {
    next = 'Make sure you can edit this file (and no cell is being edited), then try again.';
  } else if (/header|column|amount|deals table/.test(lower)) {
    next = 'Pick the tab that holds your deals, or map the columns by hand under "Columns".';
  } else if (/policy|setting/.test(lower)) {
    next = 'Correct the setting under "Attribution rules", or press "Reset rules to defaults".';
  }
  const message = raw === '' ? `Could not ${action}.` : `Could not ${action}: ${raw.replace(/\.?$/, '.')}`;
  return { message, next };
}
