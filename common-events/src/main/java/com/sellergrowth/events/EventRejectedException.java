package com.sellergrowth.events;

/** An event that does not match the contract (unknown shape, schema violation, unparsable JSON). The reason is safe to log. */
public class EventRejectedException extends RuntimeException {
  public EventRejectedException(String reason) {
    super(reason);
  }

  public EventRejectedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
