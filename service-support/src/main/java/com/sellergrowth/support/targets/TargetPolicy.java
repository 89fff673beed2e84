package com.sellergrowth.support.targets;

import com.sellergrowth.support.problem.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SHL-2 and ATR-3: only marketplace pages may be targets of short links and marketing codes, whatever the encoding tricks. A target must be an absolute {@code https} URL
 * of printable ASCII whose host is exactly one of the configured marketplace hosts, with no user info, no port other than
 * 443, no backslash and no escaped character in the authority. The answer is the target in canonical form (lower-case
 * scheme and host), so what is stored is what was checked.
 */
public final class TargetPolicy {
  /** Longest target accepted (browsers and proxies handle far more, sellers never need it). */
  public static final int MAX_LENGTH = 2048;

  private final Set<String> allowedHosts;

  public TargetPolicy(Collection<String> allowedHosts) {
    this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** The canonical target, or null after adding to {@code errors} every reason {@code raw} is refused, under {@code field}. */
  public String check(String raw, String field, List<FieldError> errors) {
    if (raw == null || raw.isEmpty()) {
      errors.add(new FieldError(field, "ERR_TARGET_REQUIRED", "a marketplace URL is required"));
      return null;
    }
    int before = errors.size();
    if (raw.length() > MAX_LENGTH) {
      errors.add(new FieldError(field, "ERR_TARGET_TOO_LONG", "at most " + MAX_LENGTH + " characters"));
    }
    if (raw.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      errors.add(new FieldError(field, "ERR_TARGET_CHARACTERS",
          "whitespace, control and non-ASCII characters must be percent-encoded (internationalized host names are not marketplace hosts)"));
    }
    if (raw.indexOf('\\') >= 0) {
      errors.add(new FieldError(field, "ERR_TARGET_BACKSLASH", "a backslash is not allowed anywhere in the URL"));
    }
    if (errors.size() > before) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      errors.add(new FieldError(field, "ERR_TARGET_MALFORMED", "not a valid URL: " + e.getReason()));
      return null;
    }
    if (uri.getScheme() == null) {
      errors.add(new FieldError(field, "ERR_TARGET_NOT_ABSOLUTE", "an absolute https URL is required (scheme-relative and relative URLs are refused)"));
      return null;
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.isOpaque()) {
      errors.add(new FieldError(field, "ERR_TARGET_SCHEME", "only https://<marketplace host>/... URLs are allowed"));
      return null;
    }
    String authority = uri.getRawAuthority();
    if (uri.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0)) {
      errors.add(new FieldError(field, "ERR_TARGET_USERINFO", "user info (user@host) is not allowed"));
      return null;
    }
    if (authority == null || authority.indexOf('%') >= 0 || uri.getHost() == null) {
      errors.add(new FieldError(field, "ERR_TARGET_HOST", "the host must be a plain host name (no escapes, no empty host)"));
      return null;
    }
    if (uri.getPort() != -1 && uri.getPort() != 443) {
      errors.add(new FieldError(field, "ERR_TARGET_PORT", "only the default https port is allowed"));
      return null;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (!allowedHosts.contains(host)) {
      errors.add(new FieldError(field, "ERR_TARGET_HOST_NOT_ALLOWED", "the host must be one of " + allowedHosts.stream().sorted().toList()));
      return null;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return "https://" + host + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
        + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
  }
}
