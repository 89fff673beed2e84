package com.sellergrowth.events;

import com.sellergrowth.events.attribution.ClickAttributedV1;
import com.sellergrowth.events.attribution.ClickRejectedV1;
import com.sellergrowth.events.attribution.CommissionAccruedV1;
import com.sellergrowth.events.attribution.CommissionReversedV1;
import com.sellergrowth.events.attribution.CommissionSettledV1;
import com.sellergrowth.events.attribution.MarketingCodeArchivedV1;
import com.sellergrowth.events.attribution.MarketingCodeCreatedV1;
import com.sellergrowth.events.attribution.OrderAttributedV1;
import com.sellergrowth.events.coupon.ClaimRejectedV1;
import com.sellergrowth.events.coupon.CouponClaimedV1;
import com.sellergrowth.events.coupon.CouponCreatedV1;
import com.sellergrowth.events.coupon.CouponCreatedV2;
import com.sellergrowth.events.coupon.CouponEndedV1;
import com.sellergrowth.events.coupon.CouponExpiredV1;
import com.sellergrowth.events.coupon.CouponPausedV1;
import com.sellergrowth.events.coupon.CouponRedeemedV1;
import com.sellergrowth.events.coupon.CouponResumedV1;
import com.sellergrowth.events.coupon.RedemptionReversedV1;
import com.sellergrowth.events.direct.SupplierKpiMeasuredV1;
import com.sellergrowth.events.gift.GiftDispatchCancelledV1;
import com.sellergrowth.events.gift.GiftDispatchCreatedV1;
import com.sellergrowth.events.gift.GiftDispatchFailedV1;
import com.sellergrowth.events.gift.GiftDispatchLabelledV1;
import com.sellergrowth.events.gift.GiftFeatureFrozenV1;
import com.sellergrowth.events.gift.GiftFeatureUnfrozenV1;
import com.sellergrowth.events.gift.GiftShippedV1;
import com.sellergrowth.events.gift.GiftSkuApprovedV1;
import com.sellergrowth.events.gift.GiftSkuRejectedV1;
import com.sellergrowth.events.gift.GiftSkuSubmittedV1;
import com.sellergrowth.events.platform.DisputeClosedV1;
import com.sellergrowth.events.platform.DisputeEscalatedV1;
import com.sellergrowth.events.platform.DisputeOpenedV1;
import com.sellergrowth.events.platform.OrderCancelledV1;
import com.sellergrowth.events.platform.OrderPaidV1;
import com.sellergrowth.events.platform.OrderPlacedV1;
import com.sellergrowth.events.platform.OrderRefundedV1;
import com.sellergrowth.events.platform.SellerProfileUpdatedV1;
import com.sellergrowth.events.platform.ShipmentNodeReachedV1;
import com.sellergrowth.events.platform.StockSyncedV1;
import com.sellergrowth.events.risk.DecisionReleasedV1;
import com.sellergrowth.events.risk.FreezeGiftFeatureV1;
import com.sellergrowth.events.risk.InvalidateClickV1;
import com.sellergrowth.events.risk.KpiWarningV1;
import com.sellergrowth.events.risk.PauseNewListingsV1;
import com.sellergrowth.events.risk.PauseCouponV1;
import com.sellergrowth.events.risk.ResumeCouponV1;
import com.sellergrowth.events.shortlink.LinkClickedV1;
import com.sellergrowth.events.shortlink.LinkCreatedV1;
import com.sellergrowth.events.shortlink.LinkDeletedV1;
import com.sellergrowth.events.shortlink.LinkTargetChangedV1;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the contract. A producer's new type is added here together with its record and schema. */
public final class EventCatalog {

  public static final List<EventType<?>> ALL = List.of(
      OrderPlacedV1.TYPE, OrderPaidV1.TYPE, OrderCancelledV1.TYPE, OrderRefundedV1.TYPE,
      StockSyncedV1.TYPE,
      DisputeOpenedV1.TYPE, DisputeEscalatedV1.TYPE, DisputeClosedV1.TYPE,
      SellerProfileUpdatedV1.TYPE,
      ShipmentNodeReachedV1.TYPE,
      CouponCreatedV1.TYPE, CouponCreatedV2.TYPE, CouponClaimedV1.TYPE, ClaimRejectedV1.TYPE, CouponRedeemedV1.TYPE, RedemptionReversedV1.TYPE,
      CouponPausedV1.TYPE, CouponResumedV1.TYPE, CouponExpiredV1.TYPE, CouponEndedV1.TYPE,
      LinkCreatedV1.TYPE, LinkTargetChangedV1.TYPE, LinkDeletedV1.TYPE, LinkClickedV1.TYPE,
      GiftDispatchFailedV1.TYPE, GiftShippedV1.TYPE,
      GiftSkuSubmittedV1.TYPE, GiftSkuApprovedV1.TYPE, GiftSkuRejectedV1.TYPE, GiftDispatchCreatedV1.TYPE, GiftDispatchLabelledV1.TYPE,
      GiftDispatchCancelledV1.TYPE, GiftFeatureFrozenV1.TYPE, GiftFeatureUnfrozenV1.TYPE,
      ClickAttributedV1.TYPE, ClickRejectedV1.TYPE, MarketingCodeCreatedV1.TYPE, MarketingCodeArchivedV1.TYPE, OrderAttributedV1.TYPE,
      CommissionAccruedV1.TYPE, CommissionReversedV1.TYPE, CommissionSettledV1.TYPE,
      SupplierKpiMeasuredV1.TYPE,
      PauseCouponV1.TYPE, ResumeCouponV1.TYPE, DecisionReleasedV1.TYPE, InvalidateClickV1.TYPE, FreezeGiftFeatureV1.TYPE,
      KpiWarningV1.TYPE, PauseNewListingsV1.TYPE);

  private static final Map<String, EventType<?>> BY_KEY = ALL.stream().collect(Collectors.toMap(EventType::key, Function.identity()));

  /** The type registered for a CloudEvents type and version, or null if the contract has no such type. */
  public static EventType<?> find(String type, int version) {
    return BY_KEY.get(type + "@v" + version);
  }

  /** The descriptor declared as {@code TYPE} on an event record. */
  @SuppressWarnings("unchecked")
  public static <T extends Record> EventType<T> of(Class<T> recordClass) {
    try {
      Field f = recordClass.getField("TYPE");
      return (EventType<T>) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(recordClass + " is not an event record of the contract", e);
    }
  }

  private EventCatalog() {
  }
}
