/**
 * zod leaves a `__proto__` key out of the records it returns (assigning it would replace the
 * record's prototype), so a mapping entry under that key would vanish without a word. This puts
 * it back as a plain own property holding `placeholder`, so that the checks that follow report it
 * as the unknown id it is. `raw` is the mapping as parsed from YAML, where it is an own key.
 */
export function keepProtoKey<T>(raw: unknown, record: Record<string, T> | null | undefined, placeholder: T): void {
  if (!record || raw === null || typeof raw !== 'object' || !Object.hasOwn(raw, '__proto__')) return;
  Object.defineProperty(record, '__proto__', { value: placeholder, enumerable: true, writable: true, configurable: true });
}
