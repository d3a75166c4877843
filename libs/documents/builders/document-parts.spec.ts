import { describe, expect, it } from '@jest/globals';
import { vietnamRunningTime } from '../../wording/vietnam-time.js';
import { partyDate, placeAndDateLine } from '../party-date.js';
import { cellIssuer, partyPlace } from './document-parts.js';

describe('the header and date line of a Party paper', () => {
  it('takes the place and the bodies from the committee’s name: xã, phường, thị trấn, the older “uỷ”', () => {
    expect(partyPlace('Đảng ủy xã Na Hối')).toEqual({ place: 'Na Hối', partyBody: 'ĐẢNG BỘ XÃ NA HỐI', committee: 'ĐẢNG ỦY XÃ NA HỐI' });
    expect(partyPlace('Đảng ủy phường Sa Pa')).toEqual({ place: 'Sa Pa', partyBody: 'ĐẢNG BỘ PHƯỜNG SA PA', committee: 'ĐẢNG ỦY PHƯỜNG SA PA' });
    expect(partyPlace('Đảng ủy thị trấn Mường Khương').place).toBe('Mường Khương');
    expect(partyPlace('Đảng uỷ xã Lùng Vai')).toEqual({ place: 'Lùng Vai', partyBody: 'ĐẢNG BỘ XÃ LÙNG VAI', committee: 'ĐẢNG UỶ XÃ LÙNG VAI' });
  });

  it('uses a name that does not read “Đảng ủy xã …” as it is', () => {
    expect(partyPlace('Đảng ủy Khối cơ quan')).toEqual({ place: 'Đảng ủy Khối cơ quan', partyBody: 'ĐẢNG BỘ KHỐI CƠ QUAN', committee: 'ĐẢNG ỦY KHỐI CƠ QUAN' });
    expect(partyPlace('Na Hối').place).toBe('Na Hối');
  });

  it('names a cell as its issuer in capitals, adding “Chi bộ” only where the name lacks it', () => {
    expect(cellIssuer('Chi bộ thôn Na Hối Tày')).toBe('CHI BỘ THÔN NA HỐI TÀY');
    expect(cellIssuer('Thôn Sín Chải A')).toBe('CHI BỘ THÔN SÍN CHẢI A');
  });

  it('writes the day with a leading zero on days below 10 and on months 1 and 2 only', () => {
    expect(partyDate('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(partyDate('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(partyDate('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
    expect(partyDate('2026-12-15')).toBe('ngày 15 tháng 12 năm 2026');
    expect(placeAndDateLine('Na Hối', '2026-12-05')).toBe('Na Hối, ngày 05 tháng 12 năm 2026');
    expect(placeAndDateLine('Na Hối', null)).toBe('Na Hối, ngày … tháng … năm 20…');
  });

  it('gives a moment in running text in Vietnam time, lower-case “thứ”, “Chủ nhật” as it is', () => {
    expect(vietnamRunningTime(Date.parse('2026-12-05T01:00:00Z'))).toBe('8 giờ 00, thứ Bảy, ngày 05/12/2026');
    // 23:30 UTC on Saturday is 6:30 on Sunday in Na Hối
    expect(vietnamRunningTime(Date.parse('2026-12-05T23:30:00Z'))).toBe('6 giờ 30, Chủ nhật, ngày 06/12/2026');
  });
});
