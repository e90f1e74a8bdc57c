import { describe, expect, it } from 'vitest';
import { PROGRESS_MIN_FILES, showsProgress } from '../../src/cli/progress.js';

describe('when a progress bar is drawn', () => {
  it('only for more than a few hundred files, on a terminal, outside CI', () => {
    expect(PROGRESS_MIN_FILES).toBe(200);
    expect(showsProgress(201, true, {})).toBe(true);
    expect(showsProgress(100_000, true, { TERM: 'xterm' })).toBe(true);
    expect(showsProgress(200, true, {})).toBe(false);
    expect(showsProgress(3, true, {})).toBe(false);
    expect(showsProgress(201, false, {})).toBe(false);
    expect(showsProgress(201, undefined, {})).toBe(false);
    expect(showsProgress(201, true, { CI: 'true' })).toBe(false);
    expect(showsProgress(201, true, { CI: '1' })).toBe(false);
    expect(showsProgress(201, true, { CI: '' })).toBe(true);
  });
});
