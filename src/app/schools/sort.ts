/** The Schools table's sort keys and directions (the sorting and filtering: school-index.ts). */
export type SortKey = 'name' | 'teachers' | 'students' | 'errors' | 'alerts' | 'status';
export type SortDirection = 'ascending' | 'descending';

/** Names sort A→Z first; numbers and status most first. */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'name' ? 'ascending' : 'descending';
}
