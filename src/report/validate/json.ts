import type { Validation } from '../../schema/validation.js';
import type { ValidationFormatter } from './format.js';

/** Every file checked, with its kind, errors and warnings, as pretty-printed JSON (`validationSchema`). */
export const formatValidationJson: ValidationFormatter = (files) => {
  const validation: Validation = {
    valid: files.every((file) => file.valid),
    files: files.map(({ path, kind, valid, errors, warnings }) => ({ path, kind, valid, errors, warnings })),
  };
  return `${JSON.stringify(validation, null, 2)}\n`;
};
