package com.sellergrowth.gift.service;

import static com.sellergrowth.support.sql.PgSql.odt;

import com.sellergrowth.gift.domain.TriggerRule;
import com.sellergrowth.gift.persistence.GiftStore;
import com.sellergrowth.support.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** GFT-3: a seller's trigger rules; each gives one approved gift of the seller. Deactivated at the version read. */
@ApplicationScoped
public class RuleService {
  static final String COLUMNS = "id, seller_id, gift_id, threshold_minor, currency, categories, countries, priority, active, version, created_at";
  private final Pool pool;
  private final GiftStore gifts;
  private final SellerService sellers;
  private final Clock clock;

  public RuleService(Pool pool, GiftStore gifts, SellerService sellers, Clock clock) {
    this.pool = pool;
    this.gifts = gifts;
    this.sellers = sellers;
    this.clock = clock;
  }

  /** A stored rule with its state. */
  public record RuleRow(TriggerRule rule, String sellerId, boolean active, int version) {
  }

  public Uni<RuleRow> create(String sellerId, UUID giftId, long thresholdMinor, String currency, Set<String> categories, Set<String> countries,
      int priority) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    return pool.withTransaction(sql -> sellers.requireEligible(sql, sellerId).chain(() -> gifts.find(sql, giftId, sellerId, false)).chain(g -> {
      if (g == null) {
        throw ApiException.notFound("gift " + giftId);
      }
      if (!g.status().equals("APPROVED")) {
        throw new ApiException(409, "ERR_GIFT_STATE", "Not approved", "a rule gives an APPROVED gift; this one is " + g.status());
      }
      return sql.preparedQuery("INSERT INTO trigger_rule(id, seller_id, gift_id, threshold_minor, currency, categories, countries, priority, "
              + "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING " + COLUMNS)
          .execute(Tuple.from(new Object[] {id, sellerId, giftId, thresholdMinor, currency, categories.stream().sorted().toArray(String[]::new),
              countries.stream().sorted().toArray(String[]::new), priority, odt(now)}))
          .map(rows -> row(rows.iterator().next()));
    }));
  }

  public Uni<RuleRow> deactivate(String sellerId, UUID id, int version) {
    return pool.withTransaction(sql -> sql.preparedQuery("UPDATE trigger_rule SET active = false, version = version + 1 "
            + "WHERE id = $1 AND seller_id = $2 AND version = $3 AND active RETURNING " + COLUMNS).execute(Tuple.of(id, sellerId, version))
        .chain(rows -> rows.size() == 1 ? Uni.createFrom().item(row(rows.iterator().next())) : find(sql, sellerId, id).map(current -> {
          if (current == null) {
            throw ApiException.notFound("rule " + id);
          }
          if (current.version() != version) {
            throw new ApiException(409, "ERR_CONCURRENT_UPDATE", "Conflict",
                "the rule is at version " + current.version() + ", not " + version + "; read it again and retry");
          }
          throw new ApiException(409, "ERR_RULE_INACTIVE", "Already inactive", "the rule is already inactive");
        })));
  }

  public Uni<List<RuleRow>> list(String sellerId, int page, int size) {
    return pool.withConnection(sql -> sql.preparedQuery("SELECT " + COLUMNS + " FROM trigger_rule WHERE seller_id = $1 "
        + "ORDER BY active DESC, priority, created_at, id LIMIT $2 OFFSET $3").execute(Tuple.of(sellerId, size, (long) page * size)).map(RuleService::all));
  }

  public Uni<RuleRow> find(SqlClient sql, String sellerId, UUID id) {
    return sql.preparedQuery("SELECT " + COLUMNS + " FROM trigger_rule WHERE id = $1 AND seller_id = $2").execute(Tuple.of(id, sellerId))
        .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
  }

  /** The active rules of approved gifts of these sellers (what orders are matched against). */
  public static Uni<List<RuleRow>> activeRules(SqlClient sql, Set<String> sellerIds) {
    return sql.preparedQuery("SELECT r.id, r.seller_id, r.gift_id, r.threshold_minor, r.currency, r.categories, r.countries, r.priority, "
            + "r.active, r.version, r.created_at FROM trigger_rule r JOIN gift g ON g.id = r.gift_id "
            + "WHERE r.seller_id = ANY($1) AND r.active AND g.status = 'APPROVED'")
        .execute(Tuple.of(sellerIds.toArray(String[]::new))).map(RuleService::all);
  }

  static List<RuleRow> all(RowSet<Row> rows) {
    List<RuleRow> out = new ArrayList<>();
    rows.forEach(r -> out.add(row(r)));
    return out;
  }

  static RuleRow row(Row r) {
    TriggerRule rule = new TriggerRule(r.getUUID(0), r.getUUID(2), r.getLong(3), r.getString(4), Set.of(r.getArrayOfStrings(5)),
        Set.of(r.getArrayOfStrings(6)), r.getInteger(7), r.getOffsetDateTime(10).toInstant());
    return new RuleRow(rule, r.getString(1), r.getBoolean(8), r.getInteger(9));
  }
}
