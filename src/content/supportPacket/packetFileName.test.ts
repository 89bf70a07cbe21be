import { describe, expect, it } from 'vitest';
import { randomSuffix, supportPacketFileName } from './packetFileName.ts';

describe('support packet file name', () => {
  it('names host, local time to the second and a random suffix', () => {
    expect(supportPacketFileName('chat.example.com', new Date(2026, 10, 23, 9, 5, 7), 'k3x9')).toBe(
      'mm_support_packet_chat.example.com_2026-11-23T09-05-07_k3x9.zip',
    );
  });

  it('keeps the port without a colon', () => {
    expect(supportPacketFileName('127.0.0.1:8065', new Date(2026, 0, 1), 'aaaa')).toBe('mm_support_packet_127.0.0.1-8065_2026-01-01T00-00-00_aaaa.zip');
  });

  it('draws four lower-case letters or digits', () => {
    expect(randomSuffix(() => 0)).toBe('aaaa');
    expect(randomSuffix(() => 0.999)).toBe('9999');
    expect(randomSuffix()).toMatch(/^[a-z0-9]{4}$/);
  });
});
