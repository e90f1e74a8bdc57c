/**
 * The locale that decides how numbers are written, as POSIX reads it from the environment:
 * `LC_ALL`, else `LC_NUMERIC`, else `LANG` (an empty one counts as unset), turned into a BCP 47
 * tag (`fr_FR.UTF-8@euro` → `fr-FR`); `C` and `POSIX` are English. Undefined when none is set,
 * as on Windows: the caller then uses the system's locale.
 */
export function numericLocale(env: NodeJS.ProcessEnv): string | undefined {
  const name = [env.LC_ALL, env.LC_NUMERIC, env.LANG].find((value) => value !== undefined && value !== '');
  if (name === undefined) return undefined;
  const tag = name.replace(/[.@].*$/, '').replace(/_/g, '-');
  return tag === 'C' || tag === 'POSIX' || tag === '' ? 'en' : tag;
}
