package com.sellergrowth.shortlink.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.sellergrowth.shortlink.service.QrCodes;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** QR codes: the PNG decodes back to the short URL; the SVG draws the same modules. */
class QrCodesTest {

  @Test
  void thePngDecodesBackToTheShortUrl() throws Exception {
    byte[] png = QrCodes.png("https://sgp.ly/Ab3dE6gH", 256);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(256);
    String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
    assertThat(decoded).isEqualTo("https://sgp.ly/Ab3dE6gH");
  }

  @Test
  void theSvgIsAScalableImageOfTheModules() {
    String svg = QrCodes.svg("https://sgp.ly/Ab3dE6gH");
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").contains("<path fill=\"#000\" d=\"M");
    assertThat(QrCodes.svg("https://sgp.ly/other123")).isNotEqualTo(svg);
  }
}
