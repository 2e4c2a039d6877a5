/**
 * Realistic text chosen by the column's name (and its table's, for a bare `name`): emails, phones, URLs, people,
 * companies, prose. The first rule whose pattern matches the column name wins.
 */
import type { Faker } from "@faker-js/faker";
import type { Random } from "./random.js";

export type TextMaker = (faker: Faker, random: Random) => string;

/** `+14155550123`: E.164, a North American number. */
const phone: TextMaker = (_f, r) => `+1${r.int(2, 9)}${r.int(0, 9)}${r.int(0, 9)}${r.int(200, 999)}${String(r.int(0, 9999)).padStart(4, "0")}`;
const words = (min: number, max: number): TextMaker => (f) => f.lorem.words({ min, max });
const code: TextMaker = (f) => f.string.alphanumeric({ length: 8, casing: "upper" });

const BY_COLUMN: readonly (readonly [RegExp, TextMaker])[] = [
  [/e_?mail/, (f) => f.internet.email().toLowerCase()],
  [/phone|mobile|^tel|_tel$|fax/, phone],
  [/url|website|homepage|href|link|uri$/, (f) => f.internet.url()],
  [/avatar|image|photo|picture|thumbnail|icon/, (f) => f.image.url()],
  [/first_?name|given_?name|forename/, (f) => f.person.firstName()],
  [/last_?name|surname|family_?name/, (f) => f.person.lastName()],
  [/middle_?name/, (f) => f.person.middleName()],
  [/full_?name|display_?name|person_?name|contact_?name|author|^owner$/, (f) => f.person.fullName()],
  [/user_?name|login|handle|nick/, (f) => f.internet.username()],
  [/company|organi[sz]ation|employer|vendor|supplier|publisher/, (f) => f.company.name()],
  [/job_?title|position_?title|^role_?title/, (f) => f.person.jobTitle()],
  [/currency/, (f) => f.finance.currencyCode()],
  [/country_?code|^iso2?$|^country_iso/, (f) => f.location.countryCode()],
  [/country/, (f) => f.location.country()],
  [/city|town/, (f) => f.location.city()],
  [/state|province|region/, (f) => f.location.state()],
  [/zip|postal|postcode/, (f) => f.location.zipCode()],
  [/address|street|line_?[12]/, (f) => f.location.streetAddress()],
  [/time_?zone|^tz$/, (f) => f.location.timeZone()],
  [/lang|locale/, (_f, r) => r.pick(["en", "de", "fr", "es", "it", "ja", "pt", "nl"])],
  [/color|colour/, (f) => f.color.human()],
  [/slug/, (f) => f.lorem.slug({ min: 1, max: 3 })],
  [/ip_?addr|^ip$/, (f) => f.internet.ipv4()],
  [/password|passwd|hash|digest|token|secret|salt|api_?key|signature/, (f) => f.string.alphanumeric(32)],
  [/mime|content_?type|media_?type/, (f) => f.system.mimeType()],
  [/file_?name|filename/, (f) => f.system.fileName()],
  [/path|directory|folder/, (f) => f.system.filePath()],
  [/version/, (f) => f.system.semver()],
  [/isbn/, (f) => f.commerce.isbn()],
  [/sku|code|reference|barcode|serial/, code],
  [/body|description|content|summary|bio|about|details|message|comment|notes?$|text|abstract/, (f) => f.lorem.paragraph()],
  [/title|headline|subject|caption|heading/, (f) => f.lorem.sentence({ min: 2, max: 6 }).replace(/\.$/, "")],
  [/label|tag|keyword|category|genre/, (f) => f.word.noun()],
  [/status|state|kind|type/, (f) => f.word.adjective()],
];

/** What a bare `name` column means, by its table's name. */
const NAME_BY_TABLE: readonly (readonly [RegExp, TextMaker])[] = [
  [/user|person|people|customer|employee|member|author|artist|staff|actor|contact|account_holder|player/, (f) => f.person.fullName()],
  [/tenant|company|organi[sz]ation|org|vendor|supplier|publisher|brand|team|workspace|client/, (f) => f.company.name()],
  [/product|item|article|good/, (f) => f.commerce.productName()],
  [/city|town/, (f) => f.location.city()],
  [/country/, (f) => f.location.country()],
  [/lang/, (f) => f.word.noun()],
];

const DEFAULT_NAME: TextMaker = (f) => f.commerce.productName();
const DEFAULT_TEXT = words(1, 3);

/** The maker for a text column; `name` columns look at the table name. */
export function textMaker(column: string, table: string): TextMaker {
  const c = column.toLowerCase();
  if (/(^|_)name$/.test(c) && !/(first|last|user|full|display|middle|file|given|family|company)_?name$/.test(c)) {
    const t = table.toLowerCase();
    return NAME_BY_TABLE.find(([re]) => re.test(t))?.[1] ?? DEFAULT_NAME;
  }
  return BY_COLUMN.find(([re]) => re.test(c))?.[1] ?? DEFAULT_TEXT;
}

/** Short codes for small `char(n)` / `varchar(n)` columns with no name rule: `A7K`. */
export function shortCode(random: Random, length: number, letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"): string {
  let s = "";
  for (let i = 0; i < length; i++) s += letters[random.int(0, letters.length - 1)];
  return s;
}
