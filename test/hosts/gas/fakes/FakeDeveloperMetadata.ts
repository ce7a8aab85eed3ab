/** In-memory developer metadata on a sheet or a whole column, with its location and a finder. */
import { counted } from './CallCounter';
import type { CallCounter } from './CallCounter';
import type { FakeSheet } from './FakeSheet';
import { FakeRange } from './FakeRange';

type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type Location = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type Finder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

/** Where a marker sits: a sheet (column null) or one column of it (1-based). */
export interface MetadataPlace { sheet: FakeSheet; column: number | null }

export class FakeDeveloperMetadata implements Pick<Metadata, 'getKey' | 'getValue' | 'getLocation' | 'remove'> {
  readonly api: Metadata;
  removed = false;

  constructor(readonly key: string, readonly value: string | null, public place: MetadataPlace, private readonly onRemove: (m: FakeDeveloperMetadata) => void) {
    this.api = counted(this, 'DeveloperMetadata', place.sheet.spreadsheet.counter) as unknown as Metadata;
  }

  getKey(): string { return this.key; }
  getValue(): string | null { return this.value; }

  getLocation(): Location {
    const { sheet, column } = this.place;
    const location: Pick<Location, 'getSheet' | 'getColumn'> = {
      getSheet: () => (column === null ? sheet.api : null),
      getColumn: () => (column === null ? null : new FakeRange(sheet, 1, column, sheet.maxRows, 1, true).api),
    };
    return counted(location, 'DeveloperMetadataLocation', sheet.spreadsheet.counter) as unknown as Location;
  }

  remove(): void {
    this.removed = true;
    this.onRemove(this);
  }
}

export class FakeDeveloperMetadataFinder implements Pick<Finder, 'withKey' | 'find'> {
  readonly api: Finder;
  private key: string | null = null;

  constructor(private readonly all: () => FakeDeveloperMetadata[], counter: CallCounter) {
    this.api = counted(this, 'DeveloperMetadataFinder', counter) as unknown as Finder;
  }

  withKey(key: string): Finder {
    this.key = key;
    return this.api;
  }

  find(): Metadata[] {
    return this.all().filter((m) => this.key === null || m.key === this.key).map((m) => m.api);
  }
}
