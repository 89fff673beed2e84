package com.sellergrowth.shortlink.persistence;

import com.sellergrowth.shortlink.domain.ValidLink;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A link row. Never leaves the service: the API and events map it to their own records. Written by {@link LinkRepository}. */
@Entity
@Table(name = "link")
public class Link extends PanacheEntityBase {
  @Id
  public String code;
  @Column(name = "seller_id")
  public String sellerId;
  public String channel;
  public String campaign;
  public String target;
  @Column(name = "mobile_target")
  public String mobileTarget;
  @Column(name = "utm_query")
  public String utmQuery;
  public String sku;
  @Column(name = "expires_at")
  public Instant expiresAt;
  @Column(name = "max_visits")
  public Long maxVisits;
  @Column(name = "custom_alias")
  public boolean customAlias;
  /**
   * Optimistic lock (issue 15): a target change and a delete each apply only to the version they read, so a delete racing a
   * change cannot be undone by it, and of two concurrent changes one answers 409. Hibernate increments it on every update.
   */
  @Version
  public int version;
  @Column(name = "created_at")
  public Instant createdAt;
  @Column(name = "updated_at")
  public Instant updatedAt;
  @Column(name = "deleted_at")
  public Instant deletedAt;

  /** The row {@link LinkRepository#insertIfFree} just wrote (version 1), without reading it back. */
  static Link inserted(String code, String sellerId, ValidLink l, boolean alias, Instant now) {
    Link link = new Link();
    link.code = code;
    link.sellerId = sellerId;
    link.channel = l.channel();
    link.campaign = l.campaign();
    link.target = l.target();
    link.mobileTarget = l.mobileTarget();
    link.utmQuery = l.utmQuery();
    link.sku = l.sku();
    link.expiresAt = l.expiresAt();
    link.maxVisits = l.maxVisits();
    link.customAlias = alias;
    link.version = 1;
    link.createdAt = now;
    link.updatedAt = now;
    return link;
  }
}
