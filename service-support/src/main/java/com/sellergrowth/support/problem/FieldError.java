package com.sellergrowth.support.problem;

/** One reason a request was refused: the field (JSON path), a stable code and a message for people. */
public record FieldError(String field, String code, String message) {
}
