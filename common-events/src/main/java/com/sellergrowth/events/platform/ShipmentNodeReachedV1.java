package com.sellergrowth.events.platform;

import com.sellergrowth.events.EventType;
import com.sellergrowth.events.OptionalField;
import com.sellergrowth.events.Topics;
import java.time.Instant;

/**
 * A shipment reached a logistics node. {@code node}: INBOUND, QC, LINE_HAUL_DEPARTED, CUSTOMS_CLEARED, CUSTOMS_HELD,
 * LAST_MILE. Key: orderId.
 */
public record ShipmentNodeReachedV1(String orderId, String node, @OptionalField String detail, Instant occurredAt) {
  public static final EventType<ShipmentNodeReachedV1> TYPE =
      new EventType<>("platform.shipment-node-reached", 1, ShipmentNodeReachedV1.class, Topics.PLATFORM_LOGISTICS);
}
