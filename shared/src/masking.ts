/**
 * What a merchant sees of a complainant who did not consent to share contact details
 * (contract, "Masking"): name 张*, phone 138****8000, address cut after its district.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '*';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length || 3);
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

/** Keeps the address up to and including its district-level unit (区/县/县级市/旗), then `***`. */
export function maskAddress(address: string): string {
  // the first 区/县/旗 that is not the end of 自治区 (a province-level name)
  const m = /^.*?(?<!自治)[区县旗]/u.exec(address);
  const kept = m && m[0].length < address.length ? m[0] : [...address].slice(0, 6).join('');
  return `${kept}***`;
}
