package com.sellergrowth.gift.messaging;

import com.sellergrowth.events.EventRejectedException;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.FreezeGiftFeatureV1;
import com.sellergrowth.gift.service.SellerService;
import com.sellergrowth.support.inbox.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * {@code platform.sellers} (GFT-1 eligibility) and {@code risk.decisions} (GFT-9: FreezeGiftFeature and the release of a
 * GIFT_FEATURE decision; other decisions are acknowledged and ignored). One dispatcher per channel (STYLE 6).
 */
@ApplicationScoped
public class SellerAndRiskConsumers {
  private static final String GIFT_FEATURE = "GIFT_FEATURE";
  private final EventDispatcher sellers;
  private final EventDispatcher risk;

  public SellerAndRiskConsumers(SellerService service, MeterRegistry registry) {
    this.sellers = EventDispatcher.builder(Channels.PLATFORM_SELLERS_IN, registry)
        .on(SellerProfileUpdatedV1.TYPE, e -> service.onProfile(e.id(), checked(e.payload()))).build();
    this.risk = EventDispatcher.builder(Channels.RISK_DECISIONS_IN, registry)
        .on(FreezeGiftFeatureV1.TYPE, e -> service.onFreeze(e.id(), text("sellerId", e.payload().sellerId()),
            text("decisionId", e.payload().decisionId()), e.payload().reason() == null ? "" : e.payload().reason(), e.payload().occurredAt()))
        .on(DecisionReleasedV1.TYPE, e -> GIFT_FEATURE.equals(e.payload().subjectType())
            ? service.onRelease(e.id(), text("subjectId", e.payload().subjectId()), text("decisionId", e.payload().decisionId()),
                e.payload().releasedBy(), e.payload().occurredAt())
            : Uni.createFrom().item(false))
        .build();
  }

  @Incoming(Channels.PLATFORM_SELLERS_IN)
  public Uni<Void> onSellers(Message<String> message) {
    return sellers.dispatch(message);
  }

  @Incoming(Channels.RISK_DECISIONS_IN)
  public Uni<Void> onRisk(Message<String> message) {
    return risk.dispatch(message);
  }

  private static SellerProfileUpdatedV1 checked(SellerProfileUpdatedV1 p) {
    text("sellerId", p.sellerId());
    text("entityType", p.entityType());
    if (p.occurredAt() == null) {
      throw new EventRejectedException("a profile without its time");
    }
    return p;
  }

  private static String text(String name, String value) {
    if (value == null || value.isEmpty() || value.length() > 128 || value.chars().anyMatch(Character::isISOControl)) {
      throw new EventRejectedException(name + " must be 1 to 128 characters without control characters");
    }
    return value;
  }
}
