/**
 * The KYC form's checks, run in the browser before anything is sent, by the same rules as the service
 * (service/KYC-AND-MONEY.md, domain.kyc): each answers null when the value is fine, else a message key.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Full-width digits and letters (Ｘ, １) as the service reads them (NFKC), spaces and dashes dropped. */
export function compact(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/** The check character of a resident id number's first 17 digits (GB 11643, ISO 7064 MOD 11-2). */
export function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Today's date in Shanghai as yyyy-mm-dd (the exchange's day, whatever the browser's zone). */
function shanghaiToday(): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date()).split('-').map(Number);
  return { y: parts[0], m: parts[1], d: parts[2] };
}

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const ymd = (y: number, m: number, d: number) => y * 10000 + m * 100 + d;

/** The 18th birthday (29 February births come of age on 28 February), as a comparable number. */
function adultFrom(y: number, m: number, d: number): number {
  const ay = y + 18;
  const day = m === 2 && d === 29 && !realDate(ay, 2, 29) ? 28 : d;
  return ymd(ay, m, day);
}

export function checkResidentId(raw: string): string | null {
  const s = compact(raw);
  if (!s) return 'trader.kyc.v.required';
  if (/^\d{15}$/.test(s)) return 'trader.kyc.v.id15';
  if (!/^\d{17}[0-9X]$/.test(s)) return 'trader.kyc.v.idShape';
  if (s[0] < '1' || s[0] > '8') return 'trader.kyc.v.idRegion';
  const y = Number(s.substring(6, 10)), m = Number(s.substring(10, 12)), d = Number(s.substring(12, 14));
  if (!realDate(y, m, d)) return 'trader.kyc.v.idBirth';
  const today = shanghaiToday();
  if (y < 1900 || ymd(y, m, d) > ymd(today.y, today.m, today.d)) return 'trader.kyc.v.idBirth';
  if (s[17] !== residentIdCheck(s.substring(0, 17))) return 'trader.kyc.v.idCheck';
  if (adultFrom(y, m, d) > ymd(today.y, today.m, today.d)) return 'trader.kyc.v.idMinor';
  return null;
}

/** The check character of a unified social credit code's first 17 characters (GB 32100). */
export function creditCodeCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  const check = 31 - (sum % 31);
  return CREDIT_CHARS[check === 31 ? 0 : check];
}

export function checkCreditCode(raw: string): string | null {
  const s = raw.normalize('NFKC').trim().toUpperCase();
  if (!s) return 'trader.kyc.v.required';
  if (s.length !== 18) return 'trader.kyc.v.creditLength';
  if ([...s].some(c => !CREDIT_CHARS.includes(c))) return 'trader.kyc.v.creditChars';
  if (!/^\d{6}$/.test(s.substring(2, 8))) return 'trader.kyc.v.creditRegion';
  if (s[17] !== creditCodeCheck(s.substring(0, 17))) return 'trader.kyc.v.creditCheck';
  return null;
}

/** Mainland mobile numbers: 1[3-9] and 9 digits; +86 or 0086 in front, spaces and dashes are fine. */
export function checkPhone(raw: string, required = true): string | null {
  let s = raw.normalize('NFKC').replace(/[\s-]/g, '');
  if (!s) return required ? 'trader.kyc.v.required' : null;
  if (s.startsWith('+86')) s = s.substring(3);
  else if (s.startsWith('0086')) s = s.substring(4);
  return /^1[3-9]\d{9}$/.test(s) ? null : 'trader.kyc.v.phone';
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function checkBankCard(raw: string, required = true): string | null {
  const s = raw.normalize('NFKC').replace(/[\s-]/g, '');
  if (!s) return required ? 'trader.kyc.v.required' : null;
  if (!/^\d{16,19}$/.test(s)) return 'trader.kyc.v.cardLength';
  return luhnValid(s) ? null : 'trader.kyc.v.cardCheck';
}

/** Names: letters (any script), spaces, middle dots, apostrophes, hyphens; 1 to 50 characters. */
export function checkName(raw: string): string | null {
  const s = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (!s) return 'trader.kyc.v.required';
  if ([...s].length > 50 || !/^[\p{L}\p{M}][\p{L}\p{M} ·・'\-.]*$/u.test(s)) return 'trader.kyc.v.name';
  return null;
}

/** Which form field a server refusal belongs to. */
export function fieldOfCode(code: string, detail: string): string | null {
  switch (code) {
    case 'INVALID_RESIDENT_ID':
    case 'NOT_ADULT':
      return 'idNumber';
    case 'INVALID_CREDIT_CODE':
      return 'creditCode';
    case 'INVALID_PHONE':
      return 'phone';
    case 'INVALID_BANK_CARD':
      return 'bankCard';
    case 'INVALID_ADDRESS':
      return 'address';
    case 'INVALID_NAME':
      return detail.startsWith('legalRepresentative') ? 'legalRepresentative' : 'name';
    default:
      return null;
  }
}
