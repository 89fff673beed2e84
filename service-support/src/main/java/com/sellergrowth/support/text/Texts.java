package com.sellergrowth.support.text;

/** Checks of untrusted text that every service's validators share. */
public final class Texts {
  private Texts() {
  }

  /** False for broken UTF-16 (an unpaired surrogate): such text cannot be encoded as UTF-8, stored or sent on. */
  public static boolean isWellFormedUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
