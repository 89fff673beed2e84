package com.sellergrowth.support.problem;

import java.util.List;

/** A refusal with an HTTP status and a stable machine-readable code; rendered as RFC 9457 problem+json. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String title;
  private final List<FieldError> errors;
  private String publicCode;
  private String publicMessage;
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  public ApiException(int status, String code, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public ApiException(int status, String code, String title, String detail) {
    this(status, code, title, detail, List.of());
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "ERR_NOT_FOUND", "Not found", what + " not found");
  }

  public static ApiException invalid(List<FieldError> errors) {
    return new ApiException(422, "ERR_VALIDATION", "Invalid request", errors.size() + " field(s) are invalid", errors);
  }

  /** Adds the code and message an end user may see (e.g. a buyer-safe refusal) next to the detailed code. */
  public ApiException withPublic(String code, String message) {
    this.publicCode = code;
    this.publicMessage = message;
    return this;
  }

  /** Adds a response header (e.g. {@code Retry-After} on a 429). */
  public ApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public java.util.Map<String, String> headers() {
    return headers;
  }

  public String publicCode() {
    return publicCode;
  }

  public String publicMessage() {
    return publicMessage;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
