/**
 * Failures the page answers with "offline: nothing was sent, save the project or try again".
 * `upload.offline`: the server could not be reached before an upload began. The transport codes:
 * a run stopped on a connection that never came about, so its last request was not sent either.
 */
export const OFFLINE = 'upload.offline';

export const NEVER_SENT_CODES: ReadonlySet<string> = new Set(['transport.refused', 'transport.dns', 'transport.tls']);
