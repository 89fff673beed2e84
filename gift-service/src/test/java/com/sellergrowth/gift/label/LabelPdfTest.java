package com.sellergrowth.gift.label;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellergrowth.gift.domain.Waybills;
import com.sellergrowth.gift.testsupport.Images;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GFT-7: the label opens as a PDF, shows the waybill, and its barcode decodes to the waybill. */
class LabelPdfTest {

  @Test
  void theLabelShowsTheWaybillAndItsBarcodeDecodes_GFT7() throws Exception {
    String waybill = Waybills.of(7_654_321);
    byte[] pdf = LabelPdf.render(new LabelPdf.Label(waybill, "order-1", "d-1", "BR", "Lip balm 5 g", "seller-1",
        Instant.parse("2026-11-25T12:00:00Z")));
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text = Images.pdfText(pdf);
    assertThat(text).contains(waybill).contains("NOT FOR SALE").contains("Order: order-1").contains("Destination: BR")
        .contains("Gift: Lip balm 5 g");
    assertThat(Images.decodeBarcode(pdf)).isEqualTo(waybill);
  }

  @Test
  void textTheStandardFontsCannotShowBecomesQuestionMarks() throws Exception {
    assertThat(LabelPdf.printable("唇膏 balm\u0000")).isEqualTo("?? balm?");
    assertThat(LabelPdf.printable("x".repeat(100))).hasSize(80);
    byte[] pdf = LabelPdf.render(new LabelPdf.Label(Waybills.of(1), "o", "d", "PL", "礼物", "s", Instant.EPOCH));
    assertThat(Images.pdfText(pdf)).contains("Gift: ??");
  }
}
