package com.sellergrowth.gift.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * GFT-7: the printable waybill of a gift dispatch, an A6 PDF (PDFBox) with the waybill number in text and as a Code 128
 * barcode (ZXing), drawn as vector bars so it scans at any printer resolution; the gift channel's own label, never the main
 * order's. Text outside printable ASCII is shown as '?' (the standard PDF fonts carry no other glyphs).
 */
public final class LabelPdf {
  /** What a label shows. */
  public record Label(String waybill, String orderId, String dispatchId, String country, String giftName, String sellerId, Instant labelledAt) {
  }

  private static final float MM = 72f / 25.4f;
  /**
   * The two standard fonts, made once per thread: PDFBox objects are not meant to be shared between threads, and making
   * them per label looked up (and logged) the same fallback font mapping every time.
   */
  private static final ThreadLocal<PDType1Font[]> FONTS = ThreadLocal.withInitial(() -> new PDType1Font[] {
      new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), new PDType1Font(Standard14Fonts.FontName.HELVETICA)});

  private LabelPdf() {
  }

  public static byte[] render(Label l) {
    PDType1Font bold = FONTS.get()[0];
    PDType1Font regular = FONTS.get()[1];
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024)) {
      PDPage page = new PDPage(PDRectangle.A6);
      doc.addPage(page);
      doc.getDocumentInformation().setTitle("Gift waybill " + l.waybill());
      float width = page.getMediaBox().getWidth();
      float height = page.getMediaBox().getHeight();
      float margin = 8 * MM;
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        text(s, bold, 14, margin, height - margin - 10, "GIFT PARCEL - NOT FOR SALE");
        text(s, regular, 8, margin, height - margin - 24, "Small-parcel gift channel (GFT-7). Do not reuse the main order's label.");
        text(s, bold, 16, margin, height - margin - 52, l.waybill());
        bars(s, l.waybill(), margin, height - margin - 120, width - 2 * margin, 56);
        float y = height - margin - 142;
        for (String line : new String[] {"Order: " + l.orderId(), "Dispatch: " + l.dispatchId(), "Destination: " + l.country(),
            "Gift: " + l.giftName(), "Seller: " + l.sellerId(), "Labelled: " + l.labelledAt()}) {
          text(s, regular, 9, margin, y, line);
          y -= 13;
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Code 128 bars of {@code value}, as filled rectangles spanning {@code w} points (quiet zones included). */
  private static void bars(PDPageContentStream s, String value, float x, float y, float w, float h) throws IOException {
    BitMatrix m = new Code128Writer().encode(value, BarcodeFormat.CODE_128, 0, 1);
    float module = w / m.getWidth();
    int run = -1;
    for (int i = 0; i <= m.getWidth(); i++) {
      boolean dark = i < m.getWidth() && m.get(i, 0);
      if (dark && run < 0) {
        run = i;
      } else if (!dark && run >= 0) {
        s.addRect(x + run * module, y, (i - run) * module, h);
        run = -1;
      }
    }
    s.fill();
  }

  private static void text(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text) throws IOException {
    s.beginText();
    s.setFont(font, size);
    s.newLineAtOffset(x, y);
    s.showText(printable(text));
    s.endText();
  }

  /** Printable ASCII only, at most 80 characters. */
  static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < 80; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7F ? c : '?');
    }
    return b.toString();
  }
}
