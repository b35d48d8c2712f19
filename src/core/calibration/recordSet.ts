/** Sets an own, enumerable property, even for a key such as `__proto__` (ids are user data). */
export function recordSet<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
