package com.sellergrowth.shortlink.domain;

import com.sellergrowth.support.targets.TargetPolicy;
import com.sellergrowth.support.problem.FieldError;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a whole draft at once and reports every reason (SPEC section 9), with the field of each. */
public final class LinkDraftValidator {
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int MAX_LABEL = 64;

  private final TargetPolicy targets;
  private final Codes codes;
  private final Pattern skuInPath;

  public LinkDraftValidator(TargetPolicy targets, Codes codes, String skuPathPattern) {
    this.targets = targets;
    this.codes = codes;
    this.skuInPath = Pattern.compile(skuPathPattern);
  }

  /** Either the valid link or every error. */
  public Result validate(LinkDraft d, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    String target = targets.check(d.target(), "target", errors);
    String mobile = d.mobileTarget() == null ? null : targets.check(d.mobileTarget(), "mobileTarget", errors);
    Utm utm = d.utm() == null ? Utm.NONE : d.utm();
    errors.addAll(utm.validate("utm"));
    if (!utm.isEmpty()) {
      if (target != null && Utm.hasUtmParameter(URI.create(target).getRawQuery())) {
        errors.add(new FieldError("target", "ERR_UTM_DUPLICATE", "the target already carries utm_ parameters; set them in 'utm' only"));
      }
      if (mobile != null && Utm.hasUtmParameter(URI.create(mobile).getRawQuery())) {
        errors.add(new FieldError("mobileTarget", "ERR_UTM_DUPLICATE", "the target already carries utm_ parameters; set them in 'utm' only"));
      }
    }
    label(d.channel(), "channel", errors);
    label(d.campaign(), "campaign", errors);
    if (d.alias() != null) {
      errors.addAll(codes.checkAlias(d.alias(), "alias"));
    }
    String sku = d.sku();
    if (sku != null && !SKU.matcher(sku).matches()) {
      errors.add(new FieldError("sku", "ERR_SKU_FORMAT", "1 to 64 letters, digits, '.', '_' or '-'"));
    }
    if (sku == null && target != null) {
      Matcher m = skuInPath.matcher(URI.create(target).getRawPath());
      sku = m.matches() ? m.group("sku") : null;
    }
    if (d.expiresAt() != null && !d.expiresAt().isAfter(now)) {
      errors.add(new FieldError("expiresAt", "ERR_EXPIRY_PAST", "must be in the future"));
    }
    if (d.maxVisits() != null && d.maxVisits() < 1) {
      errors.add(new FieldError("maxVisits", "ERR_MAX_VISITS", "at least 1"));
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    return new Result(new ValidLink(target, mobile, d.channel(), d.campaign(), utm.query(), d.alias(), sku, d.expiresAt(), d.maxVisits()),
        List.of());
  }

  private static void label(String value, String field, List<FieldError> errors) {
    if (value != null && (value.isBlank() || value.length() > MAX_LABEL || value.chars().anyMatch(Character::isISOControl))) {
      errors.add(new FieldError(field, "ERR_LABEL", "1 to " + MAX_LABEL + " printable characters"));
    }
  }

  /** The outcome: {@code link} when {@code errors} is empty. */
  public record Result(ValidLink link, List<FieldError> errors) {
  }
}
