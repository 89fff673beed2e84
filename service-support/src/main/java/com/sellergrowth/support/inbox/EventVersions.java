package com.sellergrowth.support.inbox;

import com.sellergrowth.events.EventRejectedException;

/** The contract version of an incoming event, from {@code ce_eventversion} or else the {@code :v<N>} end of {@code ce_dataschema}. */
final class EventVersions {

  private EventVersions() {
  }

  static int parse(String eventVersion, String dataSchema) {
    String s = eventVersion != null ? eventVersion : dataSchema == null ? null : dataSchema.substring(dataSchema.lastIndexOf(":v") + 2);
    if (s == null) {
      throw new EventRejectedException("missing event version (ce_eventversion or ce_dataschema)");
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new EventRejectedException("unparsable event version '" + s + "'");
    }
  }
}
