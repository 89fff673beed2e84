package com.sellergrowth.gift.domain;

/**
 * GFT-7: waybill numbers of the gift channel: {@code SG}, twelve digits of a sequence, and a Luhn check digit so a mistyped
 * number is caught at the counter (sequence 42 -> SG000000000042 + check digit 2).
 */
public final class Waybills {
  public static final String PREFIX = "SG";
  private static final long MAX = 999_999_999_999L;

  private Waybills() {
  }

  public static String of(long sequence) {
    if (sequence < 1 || sequence > MAX) {
      throw new IllegalArgumentException("waybill sequence out of range: " + sequence);
    }
    String digits = String.format("%012d", sequence);
    return PREFIX + digits + checkDigit(digits);
  }

  /** Whether {@code s} is a well-formed waybill number with a correct check digit. */
  public static boolean isValid(String s) {
    if (s == null || s.length() != PREFIX.length() + 13 || !s.startsWith(PREFIX)) {
      return false;
    }
    String digits = s.substring(PREFIX.length(), s.length() - 1);
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return s.charAt(s.length() - 1) == (char) ('0' + checkDigit(digits));
  }

  /** The Luhn check digit of a string of decimal digits. */
  static int checkDigit(String digits) {
    int sum = 0;
    boolean doubleIt = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }
}
