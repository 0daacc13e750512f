/**
 * Generates examples/long-bien.yaml, the demo organisation: Đảng bộ quận Long Biên (Hà Nội) during the
 * 2020-2025 congress campaign, shaped after the published figures (49 grassroots organisations, 20 grassroots
 * committees holding 587 cells, pilot congresses at the district court, the State Treasury and Gia Thụy ward).
 *
 * Deterministic: names and phones come from a seeded PRNG, so the output only changes when this file does.
 * Run: npx tsx examples/generate-long-bien.ts
 * The file format is described in docs/org-file.md.
 */
import { realpathSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, Scalar, isMap, isSeq, visit } from "yaml";

// ---------------------------------------------------------------------------------------------------------
// Types (the subset of the organisation file this script writes)

export type Level = "province" | "district" | "grassroots" | "partial" | "cell";
export type RoleName = "secretary" | "deputy" | "reporter" | "standing" | "admin";
export type Milestone = "plan" | "documents" | "personnel" | "scheduled" | "held";

export interface UnitEntry {
  code: string;
  name: string;
  level: Level;
  parent?: string;
  pilot?: string;
}

export interface PersonEntry {
  name: string;
  phone: string;
  roles: { role: RoleName; unit: string }[];
  locale?: "vi" | "en";
}

export interface WorkingGroupEntry {
  name: string;
  leader: string;
  members: string[];
  units: string[];
}

export interface OrganisationFile {
  organization: { code: string; name: string; superior?: string; committee?: string; place?: string };
  campaign: {
    name: string;
    deadlines: Partial<Record<Level, string | Partial<Record<Milestone, string>>>>;
    terms: Partial<Record<Level, string>>;
  };
  units: UnitEntry[];
  people: PersonEntry[];
  workingGroups: WorkingGroupEntry[];
}

// ---------------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32)

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20200226; // the day of the progress meeting in the first article

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

// ---------------------------------------------------------------------------------------------------------
// The organisation

const TOP = { code: "LB", name: "Đảng bộ quận Long Biên" } as const;

/** The 14 wards of Long Biên: code suffix, name, number of cells under the ward committee. */
const WARDS: readonly { code: string; name: string; cells: number }[] = [
  { code: "BODE", name: "Bồ Đề", cells: 44 },
  { code: "CUKHOI", name: "Cự Khối", cells: 27 },
  { code: "DUCGIANG", name: "Đức Giang", cells: 43 },
  { code: "GIATHUY", name: "Gia Thụy", cells: 38 },
  { code: "GIANGBIEN", name: "Giang Biên", cells: 36 },
  { code: "LONGBIEN", name: "Long Biên", cells: 42 },
  { code: "NGOCLAM", name: "Ngọc Lâm", cells: 40 },
  { code: "NGOCTHUY", name: "Ngọc Thụy", cells: 41 },
  { code: "PHUCDONG", name: "Phúc Đồng", cells: 35 },
  { code: "PHUCLOI", name: "Phúc Lợi", cells: 34 },
  { code: "SAIDONG", name: "Sài Đồng", cells: 39 },
  { code: "THACHBAN", name: "Thạch Bàn", cells: 33 },
  { code: "THUONGTHANH", name: "Thượng Thanh", cells: 44 },
  { code: "VIETHUNG", name: "Việt Hưng", cells: 41 },
];

/** Cells of a ward committee that are not residential (tổ dân phố); `{W}` is the ward's name. */
const WARD_SPECIAL_CELLS: readonly string[] = [
  "Chi bộ Cơ quan phường",
  "Chi bộ Công an phường",
  "Chi bộ Quân sự phường",
  "Chi bộ Trạm Y tế phường",
  "Chi bộ Trường Mầm non {W}",
  "Chi bộ Trường Tiểu học {W}",
  "Chi bộ Trường THCS {W}",
];

interface CommitteeSpec {
  code: string;
  name: string;
  pilot?: string;
  partials?: { name: string; cells: string[] }[];
  cells: string[];
}

/** The 6 grassroots committees that are not wards. */
const OTHER_COMMITTEES: readonly CommitteeSpec[] = [
  {
    code: "CA",
    name: "Đảng bộ Công an quận",
    partials: [
      {
        name: "Đảng bộ bộ phận Khối Cảnh sát",
        cells: [
          "Chi bộ Đội Cảnh sát điều tra tội phạm về trật tự xã hội",
          "Chi bộ Đội Cảnh sát điều tra tội phạm về kinh tế và môi trường",
          "Chi bộ Đội Cảnh sát điều tra tội phạm về ma túy",
          "Chi bộ Đội Cảnh sát giao thông - trật tự",
          "Chi bộ Đội Cảnh sát phòng cháy chữa cháy và cứu nạn cứu hộ",
        ],
      },
      {
        name: "Đảng bộ bộ phận Khối Tham mưu - Hậu cần",
        cells: [
          "Chi bộ Đội Tham mưu - Tổng hợp",
          "Chi bộ Đội Hậu cần - Kỹ thuật",
          "Chi bộ Đội Quản lý hành chính về trật tự xã hội",
          "Chi bộ Đội An ninh",
        ],
      },
    ],
    cells: ["Chi bộ Nhà tạm giữ", "Chi bộ Đội Thi hành án hình sự và hỗ trợ tư pháp", "Chi bộ Đội Xây dựng phong trào"],
  },
  {
    code: "QS",
    name: "Đảng bộ Quân sự quận",
    partials: [
      {
        name: "Đảng bộ bộ phận Cơ quan Quân sự quận",
        cells: ["Chi bộ Ban Tham mưu", "Chi bộ Ban Chính trị", "Chi bộ Ban Hậu cần - Kỹ thuật"],
      },
    ],
    cells: ["Chi bộ Trung đội dân quân cơ động", "Chi bộ Tiểu đội trinh sát"],
  },
  {
    code: "TAND",
    name: "Đảng bộ Tòa án nhân dân quận",
    pilot: "2020-02-20",
    cells: ["Chi bộ Văn phòng", "Chi bộ Hình sự", "Chi bộ Dân sự", "Chi bộ Hôn nhân và Gia đình"],
  },
  {
    code: "CAU12",
    name: "Đảng bộ Công ty CP Cầu 12",
    cells: [
      "Chi bộ Cơ quan Công ty",
      "Chi bộ Đội Cầu 1",
      "Chi bộ Đội Cầu 2",
      "Chi bộ Đội Cầu 3",
      "Chi bộ Đội Cầu 4",
      "Chi bộ Xưởng Cơ khí",
      "Chi bộ Đội Thi công cọc khoan nhồi",
      "Chi bộ Ban Điều hành dự án phía Bắc",
      "Chi bộ Ban Điều hành dự án phía Nam",
    ],
  },
  {
    code: "CK121",
    name: "Đảng bộ Công ty CP Cơ khí xây dựng 121",
    cells: [
      "Chi bộ Khối Văn phòng",
      "Chi bộ Xưởng Kết cấu thép",
      "Chi bộ Xưởng Gia công cơ khí",
      "Chi bộ Đội Thi công số 1",
      "Chi bộ Đội Thi công số 2",
      "Chi bộ Phòng Kỹ thuật - Vật tư",
    ],
  },
  {
    code: "UBND",
    name: "Đảng bộ Cơ quan Ủy ban nhân dân quận",
    cells: [
      "Chi bộ Văn phòng HĐND và UBND quận",
      "Chi bộ Phòng Tài chính - Kế hoạch",
      "Chi bộ Phòng Tài nguyên và Môi trường",
      "Chi bộ Phòng Quản lý đô thị",
      "Chi bộ Phòng Kinh tế",
      "Chi bộ Phòng Nội vụ",
      "Chi bộ Phòng Tư pháp",
      "Chi bộ Phòng Lao động - Thương binh và Xã hội",
      "Chi bộ Phòng Giáo dục và Đào tạo",
      "Chi bộ Phòng Văn hóa và Thông tin",
      "Chi bộ Phòng Y tế",
      "Chi bộ Thanh tra quận",
      "Chi bộ Đội Quản lý trật tự xây dựng đô thị",
      "Chi bộ Ban Tiếp công dân quận",
    ],
  },
];

/** The 29 grassroots cells (chi bộ cơ sở): grassroots organisations with no cells under them. */
const GRASSROOTS_CELLS: readonly { code: string; name: string; pilot?: string }[] = [
  { code: "KBNN", name: "Chi bộ Kho bạc Nhà nước Long Biên", pilot: "2020-03-04" },
  { code: "VKS", name: "Chi bộ Viện Kiểm sát nhân dân quận" },
  { code: "CCT", name: "Chi bộ Chi cục Thuế quận" },
  { code: "THADS", name: "Chi bộ Chi cục Thi hành án dân sự quận" },
  { code: "BHXH", name: "Chi bộ Bảo hiểm xã hội quận" },
  { code: "THPT-NGT", name: "Chi bộ Trường THPT Nguyễn Gia Thiều" },
  { code: "THPT-LTK", name: "Chi bộ Trường THPT Lý Thường Kiệt" },
  { code: "THPT-TB", name: "Chi bộ Trường THPT Thạch Bàn" },
  { code: "THPT-PL", name: "Chi bộ Trường THPT Phúc Lợi" },
  { code: "THPT-CBQ", name: "Chi bộ Trường THPT Cao Bá Quát" },
  { code: "BVDG", name: "Chi bộ Bệnh viện Đa khoa Đức Giang" },
  { code: "TTYT", name: "Chi bộ Trung tâm Y tế quận" },
  { code: "BQLDA", name: "Chi bộ Ban Quản lý dự án đầu tư xây dựng quận" },
  { code: "TTVH", name: "Chi bộ Trung tâm Văn hóa - Thông tin và Thể thao quận" },
  { code: "TTCT", name: "Chi bộ Trung tâm Chính trị quận" },
  { code: "CQQU", name: "Chi bộ Cơ quan Quận ủy" },
  { code: "MTTQ", name: "Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc và các đoàn thể quận" },
  { code: "LDLD", name: "Chi bộ Liên đoàn Lao động quận" },
  { code: "NHCSXH", name: "Chi bộ Phòng giao dịch Ngân hàng Chính sách xã hội quận" },
  { code: "TTGDNN", name: "Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên quận" },
  { code: "VPDKDD", name: "Chi bộ Chi nhánh Văn phòng Đăng ký đất đai quận" },
  { code: "TTPTQD", name: "Chi bộ Trung tâm Phát triển quỹ đất quận" },
  { code: "HQLD", name: "Chi bộ Hạt Quản lý đê Long Biên" },
  { code: "BDLB", name: "Chi bộ Bưu điện Long Biên" },
  { code: "MTDT", name: "Chi bộ Công ty CP Môi trường đô thị Long Biên" },
  { code: "CTN", name: "Chi bộ Công ty TNHH MTV Cấp thoát nước Long Biên" },
  { code: "DTSD", name: "Chi bộ Công ty CP Đầu tư và Thương mại Sài Đồng" },
  { code: "CTVT", name: "Chi bộ Công ty CP Vận tải Gia Lâm" },
  { code: "XLD", name: "Chi bộ Công ty CP Xây lắp điện Long Biên" },
];

const EXPECTED = { grassroots: 49, committees: 20, grassrootsCells: 29, cells: 587, workingGroups: 7 } as const;

const two = (n: number): string => String(n).padStart(2, "0");

function buildUnits(): { units: UnitEntry[]; grassroots: UnitEntry[] } {
  const units: UnitEntry[] = [{ code: TOP.code, name: TOP.name, level: "district" }];
  const grassroots: UnitEntry[] = [];
  const addGrassroots = (unit: UnitEntry): void => {
    units.push(unit);
    grassroots.push(unit);
  };

  WARDS.forEach((ward) => {
    const code = `P-${ward.code}`;
    addGrassroots({
      code,
      name: `Đảng bộ phường ${ward.name}`,
      level: "grassroots",
      parent: TOP.code,
      ...(ward.code === "GIATHUY" ? { pilot: "2020-03-11" } : {}),
    });
    const specials = WARD_SPECIAL_CELLS.map((s) => s.replace("{W}", ward.name));
    const residential = ward.cells - specials.length;
    for (let i = 1; i <= ward.cells; i++) {
      const name = i <= residential ? `Chi bộ Tổ dân phố số ${i}` : specials[i - residential - 1];
      if (name === undefined) throw new Error(`no name for cell ${i} of ${code}`);
      units.push({ code: `${code}-${two(i)}`, name, level: "cell", parent: code });
    }
  });

  for (const committee of OTHER_COMMITTEES) {
    addGrassroots({
      code: committee.code,
      name: committee.name,
      level: "grassroots",
      parent: TOP.code,
      ...(committee.pilot ? { pilot: committee.pilot } : {}),
    });
    (committee.partials ?? []).forEach((partial, p) => {
      const partialCode = `${committee.code}-BP${p + 1}`;
      units.push({ code: partialCode, name: partial.name, level: "partial", parent: committee.code });
      partial.cells.forEach((name, i) => {
        units.push({ code: `${partialCode}-${two(i + 1)}`, name, level: "cell", parent: partialCode });
      });
    });
    committee.cells.forEach((name, i) => {
      units.push({ code: `${committee.code}-${two(i + 1)}`, name, level: "cell", parent: committee.code });
    });
  }

  for (const cell of GRASSROOTS_CELLS) {
    addGrassroots({
      code: cell.code,
      name: cell.name,
      level: "grassroots",
      parent: TOP.code,
      ...(cell.pilot ? { pilot: cell.pilot } : {}),
    });
  }

  // Guard the published figures.
  const cells = units.filter((u) => u.level === "cell").length;
  const committees = grassroots.filter((g) => units.some((u) => u.parent === g.code)).length;
  if (grassroots.length !== EXPECTED.grassroots || committees !== EXPECTED.committees || cells !== EXPECTED.cells) {
    throw new Error(`shape drifted: ${grassroots.length} grassroots, ${committees} committees, ${cells} cells`);
  }
  const codes = new Set<string>();
  for (const u of units) {
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(u.code)) throw new Error(`bad code ${u.code}`);
    if (codes.has(u.code)) throw new Error(`duplicate code ${u.code}`);
    codes.add(u.code);
  }
  return { units, grassroots };
}

// ---------------------------------------------------------------------------------------------------------
// People

const FAMILY: readonly string[] = [
  // Weighted roughly by frequency in the North.
  ...Array<string>(8).fill("Nguyễn"),
  ...Array<string>(3).fill("Trần"),
  ...Array<string>(3).fill("Lê"),
  ...Array<string>(2).fill("Phạm"),
  ...Array<string>(2).fill("Vũ"),
  ...Array<string>(2).fill("Hoàng"),
  ...Array<string>(2).fill("Đỗ"),
  "Phan",
  "Đặng",
  "Bùi",
  "Ngô",
  "Dương",
  "Đào",
  "Đinh",
  "Trịnh",
  "Lương",
  "Tạ",
  "Chu",
  "Mai",
  "Cao",
  "Hà",
  "Lý",
  "Kiều",
  "Nghiêm",
  "Đoàn",
  "Tô",
];
const MIDDLE_MALE: readonly string[] = [
  "Văn",
  "Văn",
  "Văn",
  "Đức",
  "Quang",
  "Minh",
  "Hữu",
  "Mạnh",
  "Xuân",
  "Thanh",
  "Công",
  "Trọng",
  "Hồng",
  "Ngọc",
  "Tiến",
  "Việt",
];
const MIDDLE_FEMALE: readonly string[] = [
  "Thị",
  "Thị",
  "Thị",
  "Thu",
  "Thanh",
  "Ngọc",
  "Minh",
  "Thúy",
  "Kim",
  "Phương",
  "Hồng",
  "Lan",
  "Bích",
];
const GIVEN_MALE: readonly string[] = [
  "An",
  "Anh",
  "Bình",
  "Cường",
  "Dũng",
  "Duy",
  "Đạt",
  "Hải",
  "Hùng",
  "Hưng",
  "Huy",
  "Khánh",
  "Long",
  "Minh",
  "Nam",
  "Phong",
  "Quân",
  "Sơn",
  "Thắng",
  "Thành",
  "Tiến",
  "Toàn",
  "Trung",
  "Tuấn",
  "Việt",
  "Vinh",
  "Hiếu",
  "Lâm",
  "Thịnh",
  "Tùng",
  "Quang",
  "Kiên",
  "Hòa",
  "Đông",
  "Chiến",
];
const GIVEN_FEMALE: readonly string[] = [
  "Anh",
  "Chi",
  "Dung",
  "Giang",
  "Hà",
  "Hạnh",
  "Hằng",
  "Hoa",
  "Hương",
  "Lan",
  "Linh",
  "Loan",
  "Mai",
  "Nga",
  "Ngọc",
  "Nhung",
  "Phương",
  "Quyên",
  "Tâm",
  "Thảo",
  "Thủy",
  "Trang",
  "Yến",
  "Hiền",
  "Huyền",
  "Liên",
  "Vân",
  "Oanh",
  "Thu",
  "Hồng",
];

/** Mobile prefixes (Viettel, VinaPhone, MobiFone) of the 09x/03x/08x families. */
const MOBILE_PREFIXES: readonly string[] = [
  "091",
  "094",
  "088",
  "081",
  "082",
  "083",
  "084",
  "085", // VinaPhone
  "096",
  "097",
  "098",
  "086",
  "032",
  "033",
  "034",
  "035",
  "036",
  "037",
  "038",
  "039", // Viettel
  "090",
  "093",
  "089", // MobiFone
];

type PhoneStyle = "plain" | "spaced" | "intl";

class PeopleFactory {
  private readonly rand = mulberry32(SEED);
  private readonly names = new Set<string>();
  private readonly numbers = new Set<string>();
  private count = 0;

  name(): string {
    for (;;) {
      const female = this.rand() < 0.42;
      const family = pick(this.rand, FAMILY);
      const middle = pick(this.rand, female ? MIDDLE_FEMALE : MIDDLE_MALE);
      const given = pick(this.rand, female ? GIVEN_FEMALE : GIVEN_MALE);
      if (middle === given) continue;
      const full = `${family} ${middle} ${given}`;
      if (this.names.has(full)) continue;
      this.names.add(full);
      return full;
    }
  }

  /** A fresh mobile number (national form, 10 digits), unique across the file. */
  private number(): string {
    for (;;) {
      let n = pick(this.rand, MOBILE_PREFIXES);
      for (let i = 0; i < 7; i++) n += String(Math.floor(this.rand() * 10));
      if (this.numbers.has(n)) continue;
      this.numbers.add(n);
      return n;
    }
  }

  /** A phone written in one of the forms the import accepts: mostly plain, some spaced, some +84. */
  phone(style?: PhoneStyle): string {
    this.count++;
    const n = this.number();
    const chosen: PhoneStyle = style ?? (this.count % 9 === 0 ? "spaced" : this.count % 7 === 0 ? "intl" : "plain");
    switch (chosen) {
      case "plain":
        return n;
      case "spaced":
        return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
      case "intl":
        return `+84${n.slice(1)}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The whole file

export function buildLongBienOrganisation(): OrganisationFile {
  const { units, grassroots } = buildUnits();
  const factory = new PeopleFactory();
  const people: PersonEntry[] = [];
  const person = (roles: PersonEntry["roles"], opts: { style?: PhoneStyle; locale?: "en" } = {}): PersonEntry => {
    const p: PersonEntry = { name: factory.name(), phone: factory.phone(opts.style), roles };
    if (opts.locale) p.locale = opts.locale;
    people.push(p);
    return p;
  };

  // District: Bí thư Quận ủy, the rest of the standing committee (11 in all), the office admin.
  person([
    { role: "secretary", unit: TOP.code },
    { role: "standing", unit: TOP.code },
  ]);
  const standing: PersonEntry[] = [];
  for (let i = 0; i < 10; i++) {
    const roles: PersonEntry["roles"] = [{ role: "standing", unit: TOP.code }];
    // The first of them (Phó Bí thư Thường trực) also administers the bot.
    if (i === 0) roles.push({ role: "admin", unit: TOP.code });
    // Working-group leaders get a mix of phone spellings, so matching leader phones exercises normalisation.
    const style: PhoneStyle | undefined =
      i === 1 ? "spaced" : i === 2 ? "intl" : i >= 3 && i <= 7 ? "plain" : undefined;
    standing.push(person(roles, style ? { style } : {}));
  }
  person([{ role: "admin", unit: TOP.code }], { locale: "en" }); // Văn phòng Quận ủy

  // A secretary for every unit below the top; a deputy for every grassroots committee.
  const hasChildren = new Set(units.map((u) => u.parent).filter((p): p is string => p !== undefined));
  for (const unit of units) {
    if (unit.code === TOP.code) continue;
    const roles: PersonEntry["roles"] = [{ role: "secretary", unit: unit.code }];
    if (unit.code === "P-GIATHUY") roles.push({ role: "reporter", unit: unit.code });
    person(roles);
    if (unit.level === "grassroots" && hasChildren.has(unit.code)) person([{ role: "deputy", unit: unit.code }]);
  }

  // Working groups: led by standing committee members 2..8, two chuyên viên each, 7 grassroots organisations
  // each. The 14 ward committees go two to a group, the other 35 grassroots organisations round-robin.
  const wards = grassroots.filter((g) => g.code.startsWith("P-"));
  const others = grassroots.filter((g) => !g.code.startsWith("P-"));
  const workingGroups: WorkingGroupEntry[] = [];
  for (let g = 0; g < EXPECTED.workingGroups; g++) {
    const leader = standing[g + 1];
    if (!leader) throw new Error("not enough standing committee members");
    const members = [0, 1].map((m) => person([], g === 3 && m === 1 ? { locale: "en" } : {}).phone);
    const groupUnits = [
      ...wards.filter((_, i) => Math.floor(i / 2) === g),
      ...others.filter((_, i) => i % EXPECTED.workingGroups === g),
    ].map((u) => u.code);
    workingGroups.push({ name: `Tổ công tác số ${g + 1}`, leader: leader.phone, members, units: groupUnits });
  }

  return {
    // The head of the district's documents (docs/org-file.md): the committee and place read off the name.
    organization: { code: TOP.code, name: TOP.name, superior: "Đảng bộ thành phố Hà Nội" },
    campaign: {
      name: "Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025",
      deadlines: {
        cell: {
          plan: "2020-01-31",
          documents: "2020-02-29",
          personnel: "2020-03-10",
          scheduled: "2020-03-15",
          held: "2020-03-31",
        },
        grassroots: {
          plan: "2020-02-15",
          documents: "2020-03-31",
          personnel: "2020-04-30",
          scheduled: "2020-05-15",
          held: "2020-06-10",
        },
        district: "2020-07-31",
      },
      terms: { cell: "2020-2022", partial: "2020-2022", grassroots: "2020-2025", district: "2020-2025" },
    },
    units,
    people,
    workingGroups,
  };
}

const HEADER = [
  " Demo organisation: Đảng bộ quận Long Biên (Hà Nội), congress campaign 2020-2025.",
  " Shaped after the published figures: 49 grassroots organisations (20 grassroots committees holding",
  " 587 cells, 29 grassroots cells), pilot congresses at TAND, KBNN and P-GIATHUY.",
  " Names and phones are invented.",
  "",
  " GENERATED by examples/generate-long-bien.ts; do not edit by hand.",
  " Regenerate: npx tsx examples/generate-long-bien.ts",
  " Format: docs/org-file.md",
].join("\n");

/** The YAML text of examples/long-bien.yaml. */
export function buildLongBienYaml(): string {
  const data = buildLongBienOrganisation();
  const doc = new Document(data);
  doc.commentBefore = HEADER;

  // Quote names, phones, terms; leave codes, levels, roles and dates plain (as in docs/org-file.md).
  visit(doc, {
    Scalar(key, node) {
      if (key === "key" || typeof node.value !== "string") return;
      if (/^[A-Za-z][A-Za-z0-9._-]*$/.test(node.value) || /^\d{4}-\d{2}-\d{2}$/.test(node.value)) return;
      node.type = Scalar.QUOTE_DOUBLE;
    },
  });

  // One line per unit and per person; flow maps for the small maps.
  const flowMap = (path: (string | number)[]): void => {
    const node = doc.getIn(path, true);
    if (isMap(node)) node.flow = true;
  };
  flowMap(["organization"]);
  flowMap(["campaign", "deadlines", "cell"]);
  flowMap(["campaign", "deadlines", "grassroots"]);
  flowMap(["campaign", "terms"]);
  for (const section of ["units", "people"]) {
    const seq = doc.get(section, true);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) if (isMap(item)) item.flow = true;
  }
  const groups = doc.get("workingGroups", true);
  if (isSeq(groups)) {
    for (const item of groups.items) {
      if (!isMap(item)) continue;
      for (const key of ["members", "units"]) {
        const seq = item.get(key, true);
        if (isSeq(seq)) seq.flow = true;
      }
    }
  }

  // A blank line before each grassroots organisation, and between the top-level sections.
  const unitSeq = doc.get("units", true);
  if (isSeq(unitSeq)) {
    unitSeq.items.forEach((item, i) => {
      if (i > 0 && isMap(item) && item.get("level") === "grassroots") item.spaceBefore = true;
    });
  }
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, i) => {
      if (i > 0 && pair.key instanceof Scalar) pair.key.spaceBefore = true;
    });
  }

  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

export const OUTPUT_PATH = fileURLToPath(new URL("./long-bien.yaml", import.meta.url));

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(resolve(entry)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const text = buildLongBienYaml();
  writeFileSync(OUTPUT_PATH, text);
  const data = buildLongBienOrganisation();
  console.log(
    `wrote ${OUTPUT_PATH}: ${data.units.length} units, ${data.people.length} people, ${data.workingGroups.length} working groups`,
  );
}
