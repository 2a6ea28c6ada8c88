/**
 * The signed NDA as a PDF: the exact text that was signed (the Markdown as sent, so the printed
 * SHA-256 can be checked against it character for character), then the signature block.
 *
 * PDFKit's built-in Helvetica covers Latin-1 and Windows-1252 (most Western European names);
 * characters outside it print as gaps. The stored text stays authoritative either way.
 */
import PDFDocument from 'pdfkit';

export interface SignedNda {
  title: string;
  text: string;
  textSha256: string;
  signedName: string;
  signedAt: Date;
  signerIp: string;
  signerUserAgent: string;
  /** The reader's time zone, for the second line of the signing time. */
  viewerTimeZone: string;
}

function inZone(at: Date, timeZone: string): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      dateStyle: 'long',
      timeStyle: 'long',
    }).format(at);
  try {
    return `${format(timeZone)} (${timeZone})`;
  } catch {
    return `${format('UTC')} (UTC)`;
  }
}

/** Renders the PDF into one buffer (an NDA is a few pages). */
export function signedNdaPdf(nda: SignedNda): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: nda.title, Creator: 'Handoff' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica').fontSize(10).text(nda.text, { lineGap: 2 });

  doc.moveDown(2);
  doc.font('Helvetica-Bold').fontSize(12).text('Signature');
  doc.moveDown(0.5);
  const line = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(9).text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(value);
  };
  line('Signed by', nda.signedName);
  line('Signed at (UTC)', nda.signedAt.toISOString());
  line('Signed at (your time)', inZone(nda.signedAt, nda.viewerTimeZone));
  line('IP address', nda.signerIp);
  line('User agent', nda.signerUserAgent);
  doc.font('Helvetica-Bold').fontSize(9).text('SHA-256 of the text above:');
  doc.font('Courier').fontSize(8.5).text(nda.textSha256);
  doc.end();
  return done;
}
