package com.sellergrowth.risk.api;

import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Request checks shared by the resources: page bounds (every problem at once) and ids (a malformed id is simply not found). */
final class Paging {
  static final int MAX_SIZE = 200;

  private Paging() {
  }

  static void check(int page, int size) {
    List<FieldError> errors = new ArrayList<>();
    if (page < 0) {
      errors.add(new FieldError("page", "ERR_RANGE", "page must be 0 or more"));
    }
    if (size < 1 || size > MAX_SIZE) {
      errors.add(new FieldError("size", "ERR_RANGE", "size must be between 1 and " + MAX_SIZE));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("decision");
    }
  }
}
