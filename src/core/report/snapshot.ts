/**
 * What a report keeps of a roster so a later run can compare (hold-removals, "changes since"):
 * the IDs of teachers, students, parents and classes as salted hashes, never names.
 */
export interface RosterSnapshot {
  /** Random per district history; the same salt must be used to compare two runs. */
  salt: string;
  teachers: string[];
  students: string[];
  parents: string[];
  classes: string[];
}
