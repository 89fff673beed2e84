package com.sellergrowth.coupon.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A coupon row. Never leaves the service: the API and events map it to their own records. */
@Entity
@Table(name = "coupon")
public class Coupon extends PanacheEntityBase {
  @Id
  public UUID id;
  @Column(name = "seller_id")
  public String sellerId;
  public String name;
  public String type;
  public String currency;
  @Column(name = "face_value_minor")
  public long faceValueMinor;
  @Column(name = "min_order_minor")
  public long minOrderMinor;
  @Column(name = "starts_at")
  public Instant startsAt;
  @Column(name = "ends_at")
  public Instant endsAt;
  @Column(name = "total_quantity")
  public long totalQuantity;
  @Column(name = "budget_minor")
  public Long budgetMinor;
  @Column(name = "target_countries", columnDefinition = "text[]")
  public String[] targetCountries;
  @Column(name = "pool_spus", columnDefinition = "text[]")
  public String[] poolSpus;
  @Column(name = "pool_categories", columnDefinition = "text[]")
  public String[] poolCategories;
  @Column(name = "pool_brands", columnDefinition = "text[]")
  public String[] poolBrands;
  @Column(name = "logistics_restricted")
  public boolean logisticsRestricted;
  @Column(name = "first_order_only")
  public boolean firstOrderOnly;
  @Column(name = "stackable_with_platform")
  public boolean stackableWithPlatform;
  @Column(name = "stacking_group")
  public String stackingGroup;
  public boolean exclusive;
  @Column(name = "gross_margin_bp")
  public Integer grossMarginBp;
  @Column(name = "variants_json")
  public String variantsJson;
  public String status;
  @Column(name = "paused_by")
  public String pausedBy;
  @Column(name = "pause_reason")
  public String pauseReason;
  @Column(name = "risk_decision_id")
  public String riskDecisionId;
  /** The seller's own pause reason while a risk pause covers it (CPN-17): the coupon goes back to it, not to ACTIVE. */
  @Column(name = "seller_pause_reason")
  public String sellerPauseReason;
  @Column(name = "created_at")
  public Instant createdAt;
  @Column(name = "updated_at")
  public Instant updatedAt;
  @Version
  public int version;
}
