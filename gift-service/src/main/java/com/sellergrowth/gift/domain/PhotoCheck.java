package com.sellergrowth.gift.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * GFT-2: an uploaded photo is judged on its bytes, not on the name or content type the client sent: the type is sniffed from
 * the magic number (PNG or JPEG), the size and the pixel dimensions are bounded (read from the header before anything is
 * decoded, so a small file declaring a huge image is refused unread), and the whole image is then decoded at a reduced
 * resolution so a truncated or forged file is refused too. Accepted photos carry their SHA-256.
 */
public final class PhotoCheck {
  /** A photo that passed: its sniffed type, size, dimensions and checksum. */
  public record Accepted(String contentType, int sizeBytes, int width, int height, String sha256) {
  }

  /** Why a photo was refused: a stable code and a sentence. */
  public static final class Refused extends Exception {
    private final String code;

    Refused(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  /** Decoding for the integrity check reads at most about this many pixels per side. */
  private static final int CHECK_SIDE = 256;

  private final int maxBytes;
  private final int minPixels;
  private final int maxPixels;

  public PhotoCheck(int maxBytes, int minPixels, int maxPixels) {
    this.maxBytes = maxBytes;
    this.minPixels = minPixels;
    this.maxPixels = maxPixels;
  }

  public Accepted check(byte[] bytes) throws Refused {
    if (bytes == null || bytes.length == 0) {
      throw new Refused("ERR_PHOTO_EMPTY", "the file is empty");
    }
    if (bytes.length > maxBytes) {
      throw new Refused("ERR_PHOTO_TOO_LARGE", "the file has " + bytes.length + " bytes; at most " + maxBytes);
    }
    String type = sniff(bytes);
    if (type == null) {
      throw new Refused("ERR_PHOTO_TYPE", "the bytes are neither a PNG nor a JPEG image");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new Refused("ERR_PHOTO_TYPE", "the image cannot be read as " + type);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        // the JDK's JPEG reader reports a truncated file as a warning ("Premature end of JPEG file"), not an error; other
        // warnings (extraneous bytes some cameras write) leave a usable image
        reader.addIIOReadWarningListener((source, warning) -> {
          if (warning != null && warning.toLowerCase(java.util.Locale.ROOT).contains("premature end")) {
            throw new IllegalStateException(warning);
          }
        });
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < minPixels || height < minPixels || width > maxPixels || height > maxPixels) {
          throw new Refused("ERR_PHOTO_PIXELS", "the image is " + width + " x " + height + " pixels; each side from " + minPixels + " to " + maxPixels);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height);
        param.setSourceSubsampling(step, step, 0, 0);
        reader.read(0, param);
        return new Accepted(type, bytes.length, width, height, sha256(bytes));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new Refused("ERR_PHOTO_CORRUPT", "the image data is damaged or incomplete");
    }
  }

  /** Every how many pixels the integrity check decodes one, so that it decodes at most about 256 a side. */
  static int subsampling(int width, int height) {
    return Math.max(1, Math.max(width, height) / CHECK_SIDE);
  }

  /** The type the magic number says, or null. */
  static String sniff(byte[] b) {
    if (startsWith(b, PNG)) {
      return "image/png";
    }
    if (startsWith(b, JPEG)) {
      return "image/jpeg";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, byte[] magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
