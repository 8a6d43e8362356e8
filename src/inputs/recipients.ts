/** Recipient of a need row when the column is empty. */
export const DEFAULT_RECIPIENT = 'UA';
