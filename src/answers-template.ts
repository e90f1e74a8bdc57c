import { answersTemplate as answersTemplateIn, type AnswersTemplateOptions as LocalisedOptions } from './core/answers-template.js';
import { localeOf } from './cli/language.js';
import type { Locale } from './locale/locale.js';
import type { Model } from './schema/model.js';

/** What the library's answersTemplate takes: the comments are English unless a locale is given. */
export type AnswersTemplateOptions = Omit<LocalisedOptions, 'locale'> & { locale?: Locale };

/** An answers file for a model, as YAML text (core/answers-template.ts), its comments in English unless `locale` says otherwise. */
export function answersTemplate(model: Model, options: AnswersTemplateOptions): string {
  return answersTemplateIn(model, { ...options, locale: options.locale ?? localeOf('en') });
}
