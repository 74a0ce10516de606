/**
 * References that wait until every file defining their kind has been read (a parent listed before
 * its child in the same users.csv). A large OneRoster users.csv makes millions of them, so they are
 * kept as numbers: the IDs as texts, the other fields as small integers.
 */
import type { RecordKind } from '../formats/types.ts';
import { IntList } from '../model/int-list.ts';
import { NO_TEXT, Texts } from '../model/texts.ts';

export interface PendingRef {
  kind: RecordKind;
  id: string;
  file: number;
  row: number;
  column: string;
  /** The referencing row's entity and own ID, for the finding. */
  entity: string | null;
  ownId: string | null;
}

const KINDS: readonly RecordKind[] = ['school', 'org', 'person', 'class', 'course', 'session'];

export class PendingRefs {
  private texts = new Texts();
  /** Per reference: kind, id text, file, row, column and entity (as numbers of `names`), own ID text. */
  private fields = new IntList();
  private readonly names: (string | null)[] = [];
  private readonly nameNumbers = new Map<string | null, number>();

  get length(): number {
    return this.fields.length / 7;
  }

  add(ref: PendingRef): void {
    this.fields.push(KINDS.indexOf(ref.kind));
    this.fields.push(this.texts.add(ref.id));
    this.fields.push(ref.file);
    this.fields.push(ref.row);
    this.fields.push(this.nameNumber(ref.column));
    this.fields.push(this.nameNumber(ref.entity));
    this.fields.push(ref.ownId === null ? -1 : this.texts.add(ref.ownId));
  }

  private nameNumber(name: string | null): number {
    let n = this.nameNumbers.get(name);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(name);
      this.nameNumbers.set(name, n);
    }
    return n;
  }

  /** Hands every reference to `visit`; keeps those for which it returns true, drops the others. */
  filter(visit: (ref: PendingRef) => boolean): void {
    const { texts, fields } = this;
    this.texts = new Texts();
    this.fields = new IntList();
    for (let k = 0; k < fields.length; k += 7) {
      const own = fields.get(k + 6);
      const ref: PendingRef = {
        kind: KINDS[fields.get(k)],
        id: texts.get(fields.get(k + 1)),
        file: fields.get(k + 2),
        row: fields.get(k + 3),
        column: this.names[fields.get(k + 4)]!,
        entity: this.names[fields.get(k + 5)],
        ownId: own === -1 ? null : own === NO_TEXT ? '' : texts.get(own),
      };
      if (visit(ref)) this.add(ref);
    }
  }
}
