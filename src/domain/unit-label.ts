// How a unit is named where units are listed (the digest, the working-group list, /tiendo, the export):
// its own name, and, when another unit of the organisation bears the same name (every ward has a
// "Chi bộ Tổ dân phố số 2"), its parent's name as well, shortened the way offices say it ("phường Bồ Đề"
// for "Đảng bộ phường Bồ Đề").

export interface NamedUnit {
  name: string;
  parentName: string | null;
  /** Another unit of the organisation has the same name. */
  nameShared: boolean;
}

/** "Đảng bộ phường Bồ Đề" → "phường Bồ Đề": the kind of organisation is already clear from the unit listed. */
export function shortUnitName(name: string): string {
  const short = name.replace(/^(đảng bộ|đảng ủy|đảng uỷ|chi bộ)\s+/iu, "");
  return short.length > 0 ? short : name;
}

/** The parent a list names beside the unit, or null when the unit's own name is enough. */
export function parentToShow(unit: NamedUnit): string | null {
  return unit.nameShared && unit.parentName !== null ? shortUnitName(unit.parentName) : null;
}
