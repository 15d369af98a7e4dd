/**
 * Writes src/adapters/passwords/common-passwords.txt: passwords people choose most often, lower
 * case, one a line, at least 8 characters (shorter ones are refused by length anyway).
 *
 * Sources:
 * - the ranked list of the zxcvbn-ts project (MIT licence, © 2012-2016 Dan Wheeler and Dropbox,
 *   Inc., © 2021 zxcvbn-ts): `npm pack @zxcvbn-ts/language-common@4.1.3`, unpack, and pass
 *   `package/src/passwords.json`; its first TOP entries of 8 characters or more are kept;
 * - French and Québec patterns written here (words people use, with years and digits appended).
 *
 * Usage: tsx scripts/generate-common-passwords.ts <passwords.json>
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const TOP = 10_000;
const MIN = 8;

const FRENCH_WORDS = [
  "motdepasse",
  "mot de passe",
  "motdepass",
  "bonjour",
  "bonsoir",
  "salut",
  "soleil",
  "jetaime",
  "jet'aime",
  "jetadore",
  "amour",
  "monamour",
  "mamour",
  "chocolat",
  "doudou",
  "loulou",
  "chouchou",
  "bisous",
  "coucou",
  "princesse",
  "papillon",
  "nicolas",
  "camille",
  "mathieu",
  "julien",
  "guillaume",
  "alexandre",
  "gabriel",
  "emilie",
  "stephanie",
  "isabelle",
  "catherine",
  "genevieve",
  "veronique",
  "frederic",
  "francois",
  "francoise",
  "sebastien",
  "maxime",
  "vincent",
  "olivier",
  "charlotte",
  "marie",
  "louise",
  "juliette",
  "liberte",
  "marseille",
  "toulouse",
  "bordeaux",
  "montreal",
  "quebec",
  "laval",
  "gatineau",
  "sherbrooke",
  "trois-rivieres",
  "saguenay",
  "rimouski",
  "canada",
  "canadien",
  "canadiens",
  "nordiques",
  "alouettes",
  "expos",
  "impact",
  "habs",
  "gohabsgo",
  "hockey",
  "soccer",
  "football",
  "baseball",
  "basketball",
  "printemps",
  "ete",
  "automne",
  "hiver",
  "janvier",
  "fevrier",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "aout",
  "septembre",
  "octobre",
  "novembre",
  "decembre",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
  "spring",
  "summer",
  "autumn",
  "winter",
  "january",
  "february",
  "march",
  "april",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "bienvenue",
  "welcome",
  "azerty",
  "azertyuiop",
  "qwerty",
  "qwertyuiop",
  "secret",
  "confidentiel",
  "admin",
  "administrateur",
  "utilisateur",
  "etudiant",
  "etudiante",
  "ecole",
  "cegep",
  "college",
  "universite",
  "diplome",
  "sceau",
  "password",
  "passw0rd",
  "changeme",
  "changezmoi",
  "nouveau",
  "famille",
  "maison",
  "voiture",
  "chien",
  "chat",
  "cheval",
  "poisson",
  "tigre",
  "lapin",
  "fleur",
  "etoile",
  "cherie",
  "trésor",
  "tresor",
  "bebe",
  "maman",
  "papa",
  "fromage",
  "poutine",
  "erable",
  "sirop",
  "caribou",
  "castor",
  "orignal",
  "tabarnak",
  "calisse",
  "fleurdelys",
  "azerty123",
];
const SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "01", "007", "!", "1!", "123!", "@123"];
const YEARS = Array.from({ length: 2030 - 1985 + 1 }, (_, i) => String(1985 + i));
const WALKS = [
  "azertyui",
  "azertyuiop",
  "qsdfghjk",
  "qsdfghjklm",
  "wxcvbn,;",
  "qwertyui",
  "asdfghjk",
  "asdfghjkl",
  "zxcvbnm,",
  "1qaz2wsx",
  "1qaz2wsx3edc",
  "qazwsxedc",
  "zaq12wsx",
  "!qaz2wsx",
  "a1z2e3r4",
  "a1z2e3r4t5",
  "q1w2e3r4",
  "1a2z3e4r",
  "aqwzsxedc",
  "azer1234",
  "qwer1234",
  "1234azer",
  "1234qwer",
  "0123456789",
  "9876543210",
  "87654321",
  "98765432",
  "11223344",
  "12341234",
  "12121212",
  "abcd1234",
  "abcdefgh",
];

function frenchList(): string[] {
  const out: string[] = [...WALKS];
  for (const word of FRENCH_WORDS) {
    const bases = [word, word.replace(/ /g, "")];
    for (const base of new Set(bases)) {
      for (const s of SUFFIXES) out.push(base + s);
      for (const y of YEARS) out.push(base + y);
    }
  }
  for (const y of YEARS) out.push(`${y}${y}`, `0101${y}`);
  return out;
}

const source = process.argv[2];
if (!source) throw new Error("usage: tsx scripts/generate-common-passwords.ts <passwords.json>");
const ranked: unknown = JSON.parse(readFileSync(source, "utf8"));
if (!Array.isArray(ranked)) throw new Error("expected a JSON array of passwords, most common first");
const common = ranked.filter((p): p is string => typeof p === "string" && [...p].length >= MIN).slice(0, TOP);
const lines = new Set<string>();
for (const p of [...common, ...frenchList()]) {
  const normalized = p.normalize("NFC").toLowerCase();
  if ([...normalized].length >= MIN && !normalized.includes("\n")) lines.add(normalized);
}
const target = fileURLToPath(new URL("../src/adapters/passwords/common-passwords.txt", import.meta.url));
writeFileSync(target, `${[...lines].join("\n")}\n`);
console.log(`${lines.size} passwords written to ${target}`);
