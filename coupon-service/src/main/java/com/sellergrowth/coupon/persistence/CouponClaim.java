package com.sellergrowth.coupon.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A claim of a coupon by a buyer (UNUSED, REDEEMED or VOID); versioned, as two instances may change it at once. */
@Entity
@Table(name = "coupon_claim")
public class CouponClaim extends PanacheEntityBase {
  @Id
  public UUID id;
  @Column(name = "coupon_id")
  public UUID couponId;
  @Column(name = "seller_id")
  public String sellerId;
  @Column(name = "buyer_id")
  public String buyerId;
  public String variant;
  @Column(name = "face_value_minor")
  public long faceValueMinor;
  public String status;
  @Column(name = "buyer_country")
  public String buyerCountry;
  public String ip;
  @Column(name = "device_id")
  public String deviceId;
  @Column(name = "claimed_at")
  public Instant claimedAt;
  @Column(name = "order_id")
  public String orderId;
  @Column(name = "order_amount_minor")
  public Long orderAmountMinor;
  @Column(name = "discount_minor")
  public Long discountMinor;
  @Column(name = "redeemed_at")
  public Instant redeemedAt;
  /** Optimistic lock (V5): a redemption or a reversal applies only to the state it read. */
  @Version
  public int version;
}
