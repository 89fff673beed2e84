package com.sellergrowth.attribution.domain;

import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.targets.TargetPolicy;
import com.sellergrowth.support.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ATR-1 and ATR-3: checks a whole draft and reports every error at once, each under the field the seller typed. A draft that
 * passes is rebuilt from its checked parts ({@link ValidCode}).
 */
public final class CodeDraftValidator {
  /** ATR-1: utm_campaign is at most 50 characters of ASCII. */
  public static final int CAMPAIGN_MAX = 50;
  /** The other UTM fields: at most this many characters. */
  public static final int UTM_MAX = 200;
  private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final TargetPolicy targets;

  public CodeDraftValidator(TargetPolicy targets) {
    this.targets = targets;
  }

  /** The outcome: a valid code, or every error (never both). */
  public record Result(ValidCode code, List<FieldError> errors) {
  }

  public Result validate(CodeDraft d) {
    List<FieldError> errors = new ArrayList<>();
    String target = targets.check(d.target(), "target", errors);
    if (target != null && carriesOwnParameters(target)) {
      errors.add(new FieldError("target", "ERR_TARGET_UTM",
          "the target must not carry utm_* or af_click parameters: the code adds its own (ATR-9)"));
    }
    required(Utm.SOURCE, d.utmSource(), errors);
    required(Utm.MEDIUM, d.utmMedium(), errors);
    campaign(d.utmCampaign(), errors);
    required(Utm.CONTENT, d.utmContent(), errors);
    if (d.utmTerm() != null) {
      text(Utm.TERM, d.utmTerm(), UTM_MAX, errors);
    }
    if (d.sku() != null && !SKU.matcher(d.sku()).matches()) {
      errors.add(new FieldError("sku", "ERR_SKU", "1 to 64 letters, digits, '.', '_' or '-'"));
    }
    if (!errors.isEmpty()) {
      return new Result(null, List.copyOf(errors));
    }
    return new Result(new ValidCode(target, d.sku(), new Utm(d.utmSource(), d.utmMedium(), d.utmCampaign(), d.utmContent(), d.utmTerm())),
        List.of());
  }

  /** Whether the target's query (not its fragment) has a utm_* or af_click parameter of its own. */
  private static boolean carriesOwnParameters(String target) {
    int hash = target.indexOf('#');
    String beforeFragment = hash < 0 ? target : target.substring(0, hash);
    int q = beforeFragment.indexOf('?');
    if (q < 0) {
      return false;
    }
    for (String pair : beforeFragment.substring(q + 1).split("&")) {
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || name.equals("af_click")) {
        return true;
      }
    }
    return false;
  }

  private static void required(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "ERR_UTM_REQUIRED", field + " is required (ATR-1)"));
      return;
    }
    text(field, value, UTM_MAX, errors);
  }

  /** ATR-1: required, at most 50 characters, ASCII only (printable: no control characters). */
  private static void campaign(String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(Utm.CAMPAIGN, "ERR_UTM_REQUIRED", "utm_campaign is required (ATR-1)"));
      return;
    }
    if (value.length() > CAMPAIGN_MAX) {
      errors.add(new FieldError(Utm.CAMPAIGN, "ERR_UTM_CAMPAIGN_LENGTH", "at most " + CAMPAIGN_MAX + " characters (ATR-1)"));
    }
    if (!PRINTABLE_ASCII.matcher(value).matches()) {
      errors.add(new FieldError(Utm.CAMPAIGN, "ERR_UTM_CAMPAIGN_ASCII", "printable ASCII characters only (ATR-1)"));
    }
  }

  /** Any text but control characters and broken UTF-16, no surrounding blanks, 1..max characters. */
  private static void text(String field, String value, int max, List<FieldError> errors) {
    if (value.isEmpty() || value.length() > max) {
      errors.add(new FieldError(field, "ERR_UTM_LENGTH", "1 to " + max + " characters"));
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError(field, "ERR_UTM_CHARACTERS", "control characters are not allowed"));
    } else if (!Texts.isWellFormedUtf16(value)) {
      errors.add(new FieldError(field, "ERR_UTM_CHARACTERS", "broken Unicode (an unpaired surrogate)"));
    }
    if (!value.isEmpty() && value.strip().length() != value.length()) {
      errors.add(new FieldError(field, "ERR_UTM_BLANKS", "no leading or trailing blanks"));
    }
  }
}
