package com.sellergrowth.shortlink.api;

import com.sellergrowth.support.problem.FieldError;
import java.util.List;

/** SHL-7: one result per requested link, in request order: CREATED with the link, or REJECTED with every reason. */
public record BatchResponse(int created, int rejected, List<Item> results) {

  public record Item(int index, String status, LinkResponse link, List<FieldError> errors) {
  }
}
