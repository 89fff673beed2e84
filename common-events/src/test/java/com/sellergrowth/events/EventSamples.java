package com.sellergrowth.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;

/** Builds a populated instance of any event record (object mother for contract tests). */
final class EventSamples {
  static final Instant AT = Instant.parse("2026-11-01T10:15:30Z");

  static <T extends Record> T sample(Class<T> recordClass, boolean withOptionals) {
    try {
      RecordComponent[] cs = recordClass.getRecordComponents();
      Object[] args = new Object[cs.length];
      Class<?>[] types = new Class<?>[cs.length];
      for (int i = 0; i < cs.length; i++) {
        types[i] = cs[i].getType();
        boolean optional = cs[i].isAnnotationPresent(OptionalField.class);
        args[i] = optional && !withOptionals ? null : value(cs[i].getName(), cs[i].getGenericType(), withOptionals);
      }
      return recordClass.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object value(String name, Type type, boolean withOptionals) {
    if (type == String.class) {
      return switch (name) {
        case "currency" -> "USD";
        case "country", "buyerCountry" -> "US";
        default -> name + "-1";
      };
    }
    if (type == Instant.class) {
      return AT;
    }
    if (type == long.class || type == Long.class) {
      return 1999L;
    }
    if (type == int.class) {
      return 2;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
      return List.of(value(name, pt.getActualTypeArguments()[0], withOptionals));
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      return sample((Class<? extends Record>) c, withOptionals);
    }
    throw new IllegalArgumentException(type.toString());
  }

  private EventSamples() {
  }
}
