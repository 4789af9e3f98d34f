/**
 * Issue 12 §1: files of an event. A real PDF goes up and comes back byte for byte (and reads back as text); the
 * event's audience downloads it, a guide outside the audience and another office get 404; an executable renamed
 * .pdf and a file over 10 MB are refused with stable codes; deleting removes it and is audited, like the upload.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_FILE_MAX_BYTES } from '../../src/shared/events.js';
import { expectProblem } from '../helpers/api.js';
import { client, createTestApp, type Session, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';
import { createGuideWithAccount } from '../helpers/guides.js';
import { pdfText } from '../helpers/pdf.js';
import { EXE_BASE64, PNG_BASE64 } from '../helpers/receipts.js';

let t: TestApp;
let office: TestOffice;
let other: TestOffice;
let invited: { guideId: string; session: Session };
let outsider: { guideId: string; session: Session };
let eventId: string;
let pdf: Buffer;

const coordinator = () => client(t.app, office.sessions.coordinator);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function minutesPdf() {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Protokoll Supervision Maerz', {
    x: 50,
    y: 780,
    size: 18,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  return Buffer.from(await doc.save());
}

beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
  other = await createOffice(t);
  invited = await createGuideWithAccount(t, office);
  outsider = await createGuideWithAccount(t, office);
  const res = await coordinator().post('/events', {
    type: 'supervision',
    title: 'Supervision mit Dateien',
    audience: 'invited',
    invitedGuideIds: [invited.guideId],
    startsAt: '2026-03-10T17:00:00Z',
    endsAt: '2026-03-10T19:00:00Z',
  });
  expect(res.statusCode, res.body).toBe(201);
  eventId = res.json().id;
  pdf = await minutesPdf();
});
afterAll(() => t.close());

describe('files of an event', () => {
  let fileId: string;

  it('takes a real PDF from the coordinator and lists it in the event', async () => {
    const res = await coordinator().post(`/events/${eventId}/files`, {
      fileName: 'Protokoll März.exe.pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      fileName: 'Protokoll März.exe.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    fileId = file.id;
    const detail = (await coordinator().get(`/events/${eventId}`)).json();
    expect(detail.files).toEqual([file]);
    expect(detail.abilities.manageFiles).toBe(true);
  });

  it("lists the file in the uploader's Art. 15 file, without its bytes", async () => {
    const res = await coordinator().get('/me/data-export.json');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const sections = res.json().sections as { table: string; column: string; rows: Record<string, unknown>[] }[];
    const section = sections.find((s) => s.table === 'event_files' && s.column === 'uploaded_by');
    expect(section?.rows.map((r) => r.id)).toContain(fileId);
    expect(section?.rows[0]).not.toHaveProperty('bytes');
    expect(section?.rows[0]).toMatchObject({ file_name: 'Protokoll März.exe.pdf', size_bytes: pdf.length });
  });

  it('gives the bytes back unchanged, as an attachment that is never sniffed', async () => {
    const res = await coordinator().get(`/events/${eventId}/files/${fileId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Protokoll_M_rz.exe.pdf"; filename\*=UTF-8''Protokoll%20M%C3%A4rz.exe.pdf$/,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(sha256(res.rawPayload)).toBe(sha256(pdf));
    expect(Buffer.compare(res.rawPayload, pdf)).toBe(0);
    expect(await pdfText(res.rawPayload)).toContain('Protokoll Supervision Maerz');
  });

  it('lets a guide of the audience list and download it, without managing it', async () => {
    const api = client(t.app, invited.session);
    const detail = (await api.get(`/events/${eventId}`)).json();
    expect(detail.files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    expect(detail.abilities.manageFiles).toBe(false);
    const res = await api.get(`/events/${eventId}/files/${fileId}`);
    expect(res.statusCode).toBe(200);
    expect(sha256(res.rawPayload)).toBe(sha256(pdf));
    expectProblem(
      await api.post(`/events/${eventId}/files`, { fileName: 'x.png', contentBase64: PNG_BASE64 }),
      403,
      'forbidden',
    );
    expectProblem(await api.delete(`/events/${eventId}/files/${fileId}`), 403, 'forbidden');
  });

  it('answers 404 to a guide outside the audience and to another office, as for a file that does not exist', async () => {
    const nobody = '5f2b0c5e-8c1a-4c3e-9d7a-0b6f1e2d3c4b';
    for (const session of [outsider.session, other.sessions.coordinator, other.sessions.guide]) {
      expectProblem(await client(t.app, session).get(`/events/${eventId}/files/${fileId}`), 404, 'not_found');
    }
    expectProblem(await coordinator().get(`/events/${eventId}/files/${nobody}`), 404, 'not_found');
    const elsewhere = await client(t.app, other.sessions.coordinator);
    expectProblem(await elsewhere.delete(`/events/${eventId}/files/${fileId}`), 404, 'not_found');
    expectProblem(
      await elsewhere.post(`/events/${eventId}/files`, { fileName: 'b.pdf', contentBase64: pdf.toString('base64') }),
      404,
      'not_found',
    );
    // A file is only found through its own event.
    const second = await coordinator().post('/events', {
      type: 'other',
      title: 'Anderes Treffen',
      audience: 'all_guides',
      startsAt: '2026-03-11T17:00:00Z',
      endsAt: '2026-03-11T18:00:00Z',
    });
    expectProblem(await coordinator().get(`/events/${second.json().id}/files/${fileId}`), 404, 'not_found');
    expect((await coordinator().get(`/events/${eventId}/files/${fileId}`)).statusCode).toBe(200);
  });

  it('refuses an executable renamed .pdf, and an empty or unknown content, by content', async () => {
    for (const contentBase64 of [EXE_BASE64, Buffer.from('Nur Text, kein PDF').toString('base64')]) {
      const res = await coordinator().post(`/events/${eventId}/files`, { fileName: 'Protokoll.pdf', contentBase64 });
      const body = expectProblem(res, 400, 'validation_failed');
      expect(body.errors).toEqual([expect.objectContaining({ path: 'contentBase64', code: 'fileTypeRefused' })]);
    }
    expect((await coordinator().get(`/events/${eventId}`)).json().files).toHaveLength(1);
  });

  it('takes an Excel file by its content, and names it by the type found', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Liste').addRow(['Name', 'Zusage']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await coordinator().post(`/events/${eventId}/files`, {
      fileName: 'Teilnahmeliste',
      contentBase64: xlsx.toString('base64'),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: 'Teilnahmeliste.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect((await coordinator().delete(`/events/${eventId}/files/${res.json().id}`)).statusCode).toBe(204);
  });

  it('refuses a file over 10 MB with 413 file_too_large', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(EVENT_FILE_MAX_BYTES + 1 - pdf.length, 0x20)]);
    const res = await coordinator().post(`/events/${eventId}/files`, {
      fileName: 'Riesig.pdf',
      contentBase64: big.toString('base64'),
    });
    const body = expectProblem(res, 413, 'file_too_large');
    expect(body.errors?.[0]).toMatchObject({ path: 'contentBase64', code: 'fileTooLarge' });
    expect((await coordinator().get(`/events/${eventId}`)).json().files).toHaveLength(1);
  });

  it('deletes a file for the coordinator; it is gone for everyone, and both steps are in the audit log', async () => {
    const res = await coordinator().delete(`/events/${eventId}/files/${fileId}`);
    expect(res.statusCode, res.body).toBe(204);
    expect((await coordinator().get(`/events/${eventId}`)).json().files).toEqual([]);
    expectProblem(await client(t.app, invited.session).get(`/events/${eventId}/files/${fileId}`), 404, 'not_found');
    expectProblem(await coordinator().delete(`/events/${eventId}/files/${fileId}`), 404, 'not_found');
    const audit = (await coordinator().get(`/audit-events?entityId=${eventId}&limit=50`)).json().items as {
      action: string;
      changes: Record<string, unknown>;
    }[];
    const mine = audit.filter((e) => e.changes?.fileId === fileId);
    expect(mine.map((e) => e.action).sort()).toEqual(['event_file.added', 'event_file.deleted']);
    expect(mine[0].changes).toMatchObject({ fileName: 'Protokoll März.exe.pdf', contentType: 'application/pdf' });
  });
});
