package com.sellergrowth.shortlink.persistence;

import com.sellergrowth.shortlink.domain.ValidLink;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Links and their target history. Writes run inside the caller's transaction. */
@ApplicationScoped
public class LinkRepository implements PanacheRepositoryBase<Link, String> {

  /** A target a link had (SHL-8). */
  public record TargetVersion(int version, String target, String mobileTarget, Instant changedAt) {
  }

  /** A live link of this seller, or null (another seller's link, or a deleted one, is not theirs to see). */
  public Uni<Link> findOwned(String code, String sellerId) {
    return find("code = ?1 and sellerId = ?2 and deletedAt is null", code, sellerId).firstResult();
  }

  public Uni<List<Link>> listOwned(String sellerId, String channel, String campaign, int page, int size) {
    StringBuilder q = new StringBuilder("sellerId = :seller and deletedAt is null");
    Parameters p = Parameters.with("seller", sellerId);
    if (channel != null) {
      q.append(" and channel = :channel");
      p.and("channel", channel);
    }
    if (campaign != null) {
      q.append(" and campaign = :campaign");
      p.and("campaign", campaign);
    }
    return find(q.toString(), Sort.descending("createdAt").and("code"), p).page(Page.of(page, size)).list();
  }

  /**
   * Inserts a link and its first history row unless the code is taken (by a live or a deleted link: codes are never reused).
   * The inserted link (not read back), or null when the code is taken.
   */
  public Uni<Link> insertIfFree(String code, String sellerId, ValidLink l, boolean alias, Instant now) {
    return Panache.getSession().chain(s -> s.createNativeQuery("""
            INSERT INTO link(code, seller_id, channel, campaign, target, mobile_target, utm_query, sku, expires_at, max_visits,
                             custom_alias, version, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12, ?12) ON CONFLICT (code) DO NOTHING""")
        .setParameter(1, code).setParameter(2, sellerId).setParameter(3, l.channel()).setParameter(4, l.campaign())
        .setParameter(5, l.target()).setParameter(6, l.mobileTarget()).setParameter(7, l.utmQuery()).setParameter(8, l.sku())
        .setParameter(9, l.expiresAt()).setParameter(10, l.maxVisits()).setParameter(11, alias).setParameter(12, now)
        .executeUpdate()
        .chain(n -> n == 0 ? Uni.createFrom().<Link>nullItem()
            : history(code, 1, l.target(), l.mobileTarget(), now).replaceWith(Link.inserted(code, sellerId, l, alias, now))));
  }

  public Uni<Void> history(String code, int version, String target, String mobileTarget, Instant at) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "INSERT INTO link_target_history(code, version, target, mobile_target, changed_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, code).setParameter(2, version).setParameter(3, target).setParameter(4, mobileTarget).setParameter(5, at)
        .executeUpdate()).replaceWithVoid();
  }

  public Uni<List<TargetVersion>> historyOf(String code) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "SELECT version, target, mobile_target, changed_at FROM link_target_history WHERE code = ?1 ORDER BY version", Object[].class)
        .setParameter(1, code).getResultList())
        .map(rows -> rows.stream().map(r -> new TargetVersion(((Number) r[0]).intValue(), (String) r[1], (String) r[2], instant(r[3])))
            .toList());
  }

  private static Instant instant(Object o) {
    return o instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) o;
  }
}
