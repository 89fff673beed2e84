package com.sellergrowth.gift.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellergrowth.gift.testsupport.Images;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** GFT-2: photos judged on their bytes: sniffed type, size, pixel bounds, integrity, checksum. */
class PhotoCheckTest {
  private final PhotoCheck check = new PhotoCheck(200_000, 400, 2_000);

  private String refusal(byte[] bytes) {
    try {
      check.check(bytes);
      return null;
    } catch (PhotoCheck.Refused r) {
      return r.code();
    }
  }

  @Test
  void aPngAndAJpegWithinBoundsAreAcceptedWithTheirChecksum_GFT2() throws Exception {
    byte[] png = Images.image("png", 640, 480);
    PhotoCheck.Accepted a = check.check(png);
    assertThat(a.contentType()).isEqualTo("image/png");
    assertThat(a.width()).isEqualTo(640);
    assertThat(a.height()).isEqualTo(480);
    assertThat(a.sizeBytes()).isEqualTo(png.length);
    assertThat(a.sha256()).isEqualTo(PhotoCheck.sha256(png)).hasSize(64);
    assertThat(check.check(Images.image("jpg", 400, 2_000)).contentType()).isEqualTo("image/jpeg");
  }

  @Test
  void theTypeComesFromTheBytesNotTheName_GFT2() {
    assertThat(refusal("GIF89a, not allowed".getBytes(StandardCharsets.US_ASCII))).isEqualTo("ERR_PHOTO_TYPE");
    assertThat(refusal("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.US_ASCII))).isEqualTo("ERR_PHOTO_TYPE");
    assertThat(refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEqualTo("ERR_PHOTO_TYPE"); // a magic number cut short
    assertThat(PhotoCheck.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
    assertThat(PhotoCheck.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, 0})).isNull();
    assertThat(PhotoCheck.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isEqualTo("image/jpeg"); // exactly the magic number
  }

  @Test
  void emptyOversizedAndOutOfBoundsImagesAreRefused_GFT2() {
    assertThat(refusal(new byte[0])).isEqualTo("ERR_PHOTO_EMPTY");
    assertThat(refusal(null)).isEqualTo("ERR_PHOTO_EMPTY");
    assertThat(refusal(new byte[200_001])).isEqualTo("ERR_PHOTO_TOO_LARGE");
    assertThat(refusal(new byte[200_000])).isEqualTo("ERR_PHOTO_TYPE"); // at the limit: judged on its content
    assertThat(refusal(Images.image("png", 399, 500))).isEqualTo("ERR_PHOTO_PIXELS");
    assertThat(refusal(Images.image("png", 500, 399))).isEqualTo("ERR_PHOTO_PIXELS");
    assertThat(refusal(Images.image("png", 2_001, 500))).isEqualTo("ERR_PHOTO_PIXELS");
    assertThat(refusal(Images.image("png", 500, 2_001))).isEqualTo("ERR_PHOTO_PIXELS");
    assertThat(refusal(Images.image("png", 400, 400))).isNull();
    assertThat(refusal(Images.image("png", 2_000, 2_000))).isNull();
  }

  @Test
  void aTruncatedOrForgedImageIsRefusedAsDamaged_GFT2() {
    byte[] png = Images.image("png", 640, 480);
    assertThat(refusal(Arrays.copyOf(png, png.length / 2))).isEqualTo("ERR_PHOTO_CORRUPT");
    byte[] forged = Arrays.copyOf(png, png.length);
    Arrays.fill(forged, 40, forged.length, (byte) 0x41);
    assertThat(refusal(forged)).isIn("ERR_PHOTO_CORRUPT", "ERR_PHOTO_PIXELS");
    byte[] jpeg = Images.image("jpg", 640, 480);
    assertThat(refusal(Arrays.copyOf(jpeg, jpeg.length * 2 / 3))).isEqualTo("ERR_PHOTO_CORRUPT"); // the JDK only warns on this one
    byte[] junkAfterMagic = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 5_000);
    assertThat(refusal(junkAfterMagic)).isEqualTo("ERR_PHOTO_CORRUPT");
  }

  @Test
  void aTinyFileDeclaringAHugeImageIsRefusedUnread_GFT2() {
    byte[] png = Images.image("png", 640, 480);
    // IHDR width at bytes 16..19: declare 100,000 pixels wide
    png[16] = 0;
    png[17] = 1;
    png[18] = (byte) 0x86;
    png[19] = (byte) 0xA0;
    assertThat(refusal(png)).isIn("ERR_PHOTO_PIXELS", "ERR_PHOTO_CORRUPT");
  }

  @Test
  void theIntegrityCheckDecodesAtMostAbout256PixelsASide() {
    assertThat(PhotoCheck.subsampling(256, 100)).isEqualTo(1);
    assertThat(PhotoCheck.subsampling(511, 400)).isEqualTo(1);
    assertThat(PhotoCheck.subsampling(512, 400)).isEqualTo(2);
    assertThat(PhotoCheck.subsampling(400, 6_000)).isEqualTo(23);
    assertThat(PhotoCheck.subsampling(100, 100)).isEqualTo(1);
  }
}
