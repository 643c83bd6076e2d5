/**
 * What a merchant sees of a complainant who did not consent to share contact details
 * (contract, "Masking"; SECURITY.md): the name's first character and a one-character mask whatever the
 * name's length (张*, the contract's own example, for 张三 and 张三丰 alike), phone 138****8000, and of the address only its administrative part
 * up to the district (福建省厦门市思明区***): never any street text, not even when no district is found.
 */
const NAME_MASK = '*';

export function maskName(name: string): string {
  const [first] = [...name.trim()];
  return (first ?? '') + NAME_MASK;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '***';
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

// One administrative unit at the start of an address: a name of 2-10 Chinese characters with no
// street words in it (路, 街, 巷, 号...), then a unit suffix. Longer suffixes first (自治区 before 区).
const UNIT = /^[\u4e00-\u9fff]{2,10}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|区|县|旗)/u;
const STREET_WORDS = /[路街巷弄号楼栋室村]/u;
const DISTRICT_LEVEL = /(?:区|县|旗)$/u;

/** Keeps the leading 省/市/区/县 units up to and including the district-level one, then `***`. */
export function maskAddress(address: string): string {
  let rest = address.trim();
  let kept = '';
  for (let m = UNIT.exec(rest); m && !STREET_WORDS.test(m[0]); m = UNIT.exec(rest)) {
    kept += m[0];
    rest = rest.slice(m[0].length);
    if (DISTRICT_LEVEL.test(m[0]) && !m[0].endsWith('自治区') && !m[0].endsWith('地区')) break;
  }
  return `${kept}***`;
}
