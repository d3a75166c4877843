import { describe, expect, it } from '@jest/globals';
import { contentDisposition, parseDocumentFileName } from './document-file-names.js';

const CELL = '0b9c6a8e-3f2d-4c1b-9a7e-5d4c3b2a1f0e';

describe('document file names', () => {
  it('reads the names the list offers, and nothing else', () => {
    expect(parseDocumentFileName('minutes.pdf')).toEqual({ base: 'minutes', format: 'pdf' });
    expect(parseDocumentFileName('lessons-report.docx')).toEqual({ base: 'lessons-report', format: 'docx' });
    expect(parseDocumentFileName(`invitation-${CELL}.docx`)).toEqual({ base: `invitation-${CELL}`, format: 'docx' });
    expect(parseDocumentFileName(`critique-sheet-${CELL}.pdf`)).toEqual({ base: `critique-sheet-${CELL}`, format: 'pdf' });
    for (const refused of ['minutes', 'minutes.PDF', 'minutes.txt', 'invitation.pdf', 'critique-sheet.pdf', `invitation-${CELL}x.pdf`, 'invitation-------------------------------------.pdf', '../minutes.pdf', 'minutes.pdf.docx']) {
      expect({ refused, parsed: parseDocumentFileName(refused) }).toEqual({ refused, parsed: null });
    }
  });

  it('names the file in ASCII for old clients and in Vietnamese, percent-encoded UTF-8, for the others', () => {
    const name = 'Biên bản sinh hoạt chi bộ điểm - Chi bộ thôn Na Hối Tày.pdf';
    // Decomposed as some keyboards type it: the header carries the composed letters.
    const header = contentDisposition(name.normalize('NFD'));
    const [, ascii, encoded] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(header) ?? [];
    expect(ascii).toBe('Bien ban sinh hoat chi bo diem - Chi bo thon Na Hoi Tay.pdf');
    expect(decodeURIComponent(encoded)).toBe(name);
    expect(encoded).toMatch(/^[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
  });

  it('keeps quotes, slashes and brackets out of the header', () => {
    const header = contentDisposition('Phiếu nhận xét, góp ý - Đồng chí "Ma" (A/B)\\x.pdf');
    const [, ascii, encoded] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(header) ?? [];
    expect(ascii).toBe('Phieu nhan xet, gop y - Dong chi Ma (A B) x.pdf');
    expect(encoded).not.toMatch(/['()*"\\/]/);
    expect(decodeURIComponent(encoded)).toBe('Phiếu nhận xét, góp ý - Đồng chí Ma (A B) x.pdf');
  });
});
