/** cli-table3 border characters without a rule between every row. */
export const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
