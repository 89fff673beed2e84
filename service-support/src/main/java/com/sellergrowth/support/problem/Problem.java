package com.sellergrowth.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details with the platform's extensions: a stable {@code code} and every field error at once. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code, List<FieldError> errors,
    String publicCode, String publicMessage) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String code, String title, String detail, String instance, List<FieldError> errors) {
    return new Problem("https://errors.sellergrowth.dev/" + code.toLowerCase().replace('_', '-'), title, status, detail, instance, code,
        errors, null, null);
  }

  /** {@code publicCode}/{@code publicMessage}: what an end user (a buyer) may be shown, when it differs from {@code code}. */
  public Problem withPublic(String publicCode, String publicMessage) {
    return new Problem(type, title, status, detail, instance, code, errors, publicCode, publicMessage);
  }
}
