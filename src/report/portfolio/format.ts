import type { TextOptions } from '../fit.js';
import type { PortfolioEntry } from '../../core/portfolio.js';

/** A portfolio format: a pure function from the scored organisations, in order, to the text to write. */
export type PortfolioFormatter = (entries: readonly PortfolioEntry[], options: TextOptions) => string;
