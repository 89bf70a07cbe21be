/**
 * `mm_support_packet_<host>_<YYYY-MM-DDTHH-mm-ss>_<4 random chars>.zip`: the
 * native name's shape, unique even for two packets in the same second, and
 * safe on every file system (the port's colon becomes a dash).
 */
export function supportPacketFileName(host: string, at: Date, randomSuffix: string): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}-${pad(at.getMinutes())}-${pad(at.getSeconds())}`;
  const safeHost = host.replace(/[^A-Za-z0-9.-]+/g, '-');
  return `mm_support_packet_${safeHost}_${stamp}_${randomSuffix}.zip`;
}

const suffixAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomSuffix(random: () => number = Math.random): string {
  return Array.from({ length: 4 }, () => suffixAlphabet[Math.floor(random() * suffixAlphabet.length)]).join('');
}
