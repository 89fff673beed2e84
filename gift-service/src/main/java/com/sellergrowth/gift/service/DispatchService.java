package com.sellergrowth.gift.service;

import static com.sellergrowth.support.sql.PgSql.odt;

import com.sellergrowth.events.gift.GiftDispatchCancelledV1;
import com.sellergrowth.events.gift.GiftDispatchFailedV1;
import com.sellergrowth.events.gift.GiftDispatchLabelledV1;
import com.sellergrowth.events.gift.GiftShippedV1;
import com.sellergrowth.gift.config.GiftConfig;
import com.sellergrowth.gift.domain.FailureCodes;
import com.sellergrowth.gift.domain.Tariff;
import com.sellergrowth.gift.domain.Waybills;
import com.sellergrowth.gift.persistence.DispatchRow;
import com.sellergrowth.gift.persistence.StockRows;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.problem.ApiException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * GFT-7, GFT-8: a dispatch's life after creation. The seller labels a PENDING dispatch (the checks of GFT-7 first: the seller's
 * own packaging must be registered, ERR-407; the destination's documents must be on the label, ERR-211; either fails the
 * dispatch and returns its unit), gets a waybill SG... and the fee (GFT-5), then confirms the LABELLED dispatch as shipped
 * within 48 hours of its creation. A job fails the dispatches not confirmed in time (NOT_CONFIRMED_48H). Every step is a
 * conditional update at the version read, so a confirmation racing the job ends in exactly one of the two.
 */
@ApplicationScoped
public class DispatchService {
  private static final Logger LOG = Logger.getLogger(DispatchService.class);
  private static final int EXPIRE_BATCH = 500;
  private final Pool pool;
  private final Tariff tariff;
  private final Map<String, List<String>> requiredDocuments;
  private final Clock clock;

  public DispatchService(Pool pool, Tariffs tariffs, GiftConfig config, Clock clock) {
    this.pool = pool;
    this.tariff = tariffs.tariff();
    this.requiredDocuments = Map.copyOf(config.dispatch().requiredDocuments());
    this.clock = clock;
  }

  /**
   * Labels a PENDING dispatch at the version read; answers it LABELLED, or FAILED with ERR-407 / ERR-211. {@code packaging}
   * (PLATFORM or OWN) and {@code registration} say what the parcel ships in, when it is not what the gift declared.
   */
  public Uni<DispatchRow> label(String sellerId, UUID id, int version, String nfeNumber, List<String> documents, String packaging,
      String registration) {
    Instant now = clock.instant();
    return pool.withTransaction(sql -> sql.preparedQuery("SELECT d.version, d.status || coalesce(' (' || d.failure_code || ')', ''), "
            + "d.confirm_by, d.country, d.gift_id, d.order_id, "
            + "g.weight_grams, g.packaging, g.packaging_registration FROM dispatch d JOIN gift g ON g.id = d.gift_id "
            + "WHERE d.id = $1 AND d.seller_id = $2 FOR UPDATE OF d").execute(Tuple.of(id, sellerId)).chain(rows -> {
              if (rows.size() == 0) {
                throw ApiException.notFound("dispatch " + id);
              }
              Row r = rows.iterator().next();
              requireStep(r.getInteger(0), version, r.getString(1), "PENDING", r.getOffsetDateTime(2).toInstant(), now);
              String country = r.getString(3);
              UUID giftId = r.getUUID(4);
              // the packaging the parcel ships in: the gift's, unless the seller says otherwise; the gift's registration holds
              // for the gift's own packaging when none is given again
              String usedPackaging = packaging == null ? r.getString(7) : packaging;
              String usedRegistration = registration != null ? registration
                  : usedPackaging.equals(r.getString(7)) ? r.getString(8) : null;
              if (tariff.isCod(country)) { // the configuration made the destination cash-on-delivery after the order: not the seller's failure
                return end(sql, id, sellerId, giftId, r.getString(5), "CANCELLED", FailureCodes.COD_COUNTRY, now).chain(() -> find(sql, id, sellerId));
              }
              String failure = failure(usedPackaging, usedRegistration, country, documents);
              if (failure != null) {
                return end(sql, id, sellerId, giftId, r.getString(5), "FAILED", failure, now).chain(() -> find(sql, id, sellerId));
              }
              Tariff.Quote quote = tariff.quote(country, r.getInteger(6), nfeNumber != null);
              return sql.preparedQuery("SELECT nextval('waybill_seq')").execute().chain(seq -> {
                String waybill = Waybills.of(seq.iterator().next().getLong(0));
                return sql.preparedQuery("UPDATE dispatch SET status = 'LABELLED', waybill = $2, fee_minor = $3, fee_currency = $4, fee_lines = $5, "
                        + "nfe_number = $6, documents = $7, labelled_at = $8, packaging = $9, packaging_registration = $10, version = version + 1 "
                        + "WHERE id = $1")
                    .execute(Tuple.from(new Object[] {id, waybill, quote.totalMinor(), quote.currency(), Json.encode(quote.lines()), nfeNumber,
                        documents.toArray(String[]::new), odt(now), usedPackaging, usedRegistration}))
                    .chain(() -> Outbox.insertAll(sql, List.of(Outbox.row(sellerId, new GiftDispatchLabelledV1(id.toString(), sellerId,
                        r.getString(5), waybill, quote.totalMinor(), quote.currency(), now), now))))
                    .chain(() -> find(sql, id, sellerId));
              });
            }));
  }

  /** GFT-7's checks at labelling: the failure code, or null. */
  String failure(String packaging, String registration, String country, List<String> documents) {
    if ("OWN".equals(packaging) && (registration == null || registration.isBlank())) {
      return FailureCodes.PACKAGING_NOT_REGISTERED;
    }
    if (!documents.containsAll(requiredDocuments(country))) {
      return FailureCodes.DESTINATION_DOCUMENTS;
    }
    return null;
  }

  /** GFT-7: the documents a destination's customs need on the label (upper case; none for most countries). */
  public List<String> requiredDocuments(String country) {
    return requiredDocuments.getOrDefault(country, List.of()).stream().map(d -> d.toUpperCase(java.util.Locale.ROOT)).toList();
  }

  /** GFT-7: the seller confirms a LABELLED dispatch as shipped, within 48 hours of its creation (GFT-8), at the version read. */
  public Uni<DispatchRow> confirm(String sellerId, UUID id, int version) {
    Instant now = clock.instant();
    return pool.withTransaction(sql -> sql.preparedQuery("UPDATE dispatch d SET status = 'SHIPPED', reserved = false, version = d.version + 1, "
            + "ended_at = $4 FROM gift g WHERE g.id = d.gift_id AND d.id = $1 AND d.seller_id = $2 AND d.version = $3 AND d.status = 'LABELLED' "
            + "AND d.confirm_by >= $4 RETURNING d.gift_id, d.country, d.waybill, g.category_id").execute(Tuple.of(id, sellerId, version, odt(now)))
        .chain(rows -> {
          if (rows.size() == 0) {
            return sql.preparedQuery("SELECT version, status || coalesce(' (' || failure_code || ')', ''), confirm_by FROM dispatch "
                    + "WHERE id = $1 AND seller_id = $2")
                .execute(Tuple.of(id, sellerId)).map(current -> {
                  if (current.size() == 0) {
                    throw ApiException.notFound("dispatch " + id);
                  }
                  Row c = current.iterator().next();
                  requireStep(c.getInteger(0), version, c.getString(1), "LABELLED", c.getOffsetDateTime(2).toInstant(), now);
                  throw new ApiException(409, "ERR_CONCURRENT_UPDATE", "Conflict", "the dispatch changed meanwhile; read it again and retry");
                });
          }
          Row r = rows.iterator().next();
          return sql.preparedQuery("UPDATE gift_stock SET on_hand = on_hand - 1, reserved = reserved - 1 WHERE gift_id = $1")
              .execute(Tuple.of(r.getUUID(0)))
              .chain(() -> sql.preparedQuery("INSERT INTO country_gift_category(country, category_id, shipped) VALUES ($1, $2, 1) "
                  + "ON CONFLICT (country, category_id) DO UPDATE SET shipped = country_gift_category.shipped + 1")
                  .execute(Tuple.of(r.getString(1), r.getString(3))))
              .chain(() -> Outbox.insertAll(sql, List.of(Outbox.row(sellerId, new GiftShippedV1(id.toString(), sellerId, r.getString(2), now), now))))
              .chain(() -> find(sql, id, sellerId));
        }));
  }

  @Scheduled(every = "${gift.dispatch.expire-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> expireJob() {
    return expireDue().onFailure().recoverWithItem(f -> {
      LOG.warnf("dispatch expiry job failed (it runs again): %s", f.getMessage());
      return 0;
    }).replaceWithVoid();
  }

  /** GFT-8: fails every open dispatch whose 48 hours ended by the service clock, returning its unit; how many. */
  public Uni<Integer> expireDue() {
    return expireDue(clock.instant());
  }

  /** As {@link #expireDue()}, as of {@code now} (another instance's clock, a few milliseconds apart, in the race tests). */
  public Uni<Integer> expireDue(Instant now) {
    return pool.withTransaction(sql -> sql.preparedQuery("WITH due AS (SELECT id FROM dispatch WHERE status IN ('PENDING', 'LABELLED') "
            + "AND confirm_by < $1 ORDER BY confirm_by LIMIT $2 FOR UPDATE SKIP LOCKED) UPDATE dispatch d SET status = 'FAILED', "
            + "failure_code = 'NOT_CONFIRMED_48H', reserved = false, version = d.version + 1, ended_at = $1 FROM due WHERE d.id = due.id "
            + "RETURNING d.id, d.seller_id, d.gift_id").execute(Tuple.of(odt(now), EXPIRE_BATCH)).chain(rows -> {
              List<Outbox.Row> events = new ArrayList<>();
              Map<UUID, Long> release = new TreeMap<>();
              for (Row r : rows) {
                events.add(Outbox.row(r.getString(1), new GiftDispatchFailedV1(r.getUUID(0).toString(), r.getString(1), FailureCodes.NOT_CONFIRMED,
                    now), now));
                release.merge(r.getUUID(2), 1L, Long::sum);
              }
              return StockRows.release(sql, release).chain(() -> Outbox.insertAll(sql, events)).replaceWith(rows.size());
            }))
        .chain(n -> n == EXPIRE_BATCH ? expireDue(now).map(more -> n + more) : Uni.createFrom().item(n));
  }

  public Uni<DispatchRow> get(String sellerId, UUID id) {
    return pool.withConnection(sql -> find(sql, id, sellerId)).map(d -> {
      if (d == null) {
        throw ApiException.notFound("dispatch " + id);
      }
      return d;
    });
  }

  public Uni<List<DispatchRow>> list(String sellerId, String status, int page, int size) {
    return pool.withConnection(sql -> sql.preparedQuery("SELECT " + DispatchRow.COLUMNS + DispatchRow.FROM + "WHERE d.seller_id = $1 "
            + "AND ($2::text IS NULL OR d.status = $2) ORDER BY d.created_at DESC, d.id LIMIT $3 OFFSET $4")
        .execute(Tuple.of(sellerId, status, size, (long) page * size)).map(rows -> {
          List<DispatchRow> out = new ArrayList<>();
          rows.forEach(r -> out.add(DispatchRow.of(r)));
          return out;
        }));
  }

  /** The fee lines stored with a labelled dispatch. */
  public static List<Tariff.Line> feeLines(DispatchRow d) {
    return d.feeLines() == null ? List.of() : List.of(Json.decodeValue(d.feeLines(), Tariff.Line[].class));
  }

  /**
   * Ends a dispatch before shipment and returns its unit: FAILED (the seller's failure, GFT-7: counted by RSK-4) or CANCELLED
   * (not the seller's doing), with its code.
   */
  private Uni<Void> end(SqlClient sql, UUID id, String sellerId, UUID giftId, String orderId, String status, String code, Instant now) {
    Record event = status.equals("FAILED") ? new GiftDispatchFailedV1(id.toString(), sellerId, code, now)
        : new GiftDispatchCancelledV1(id.toString(), sellerId, orderId, code, now);
    return sql.preparedQuery("UPDATE dispatch SET status = $4, failure_code = $2, reserved = false, version = version + 1, ended_at = $3 "
            + "WHERE id = $1").execute(Tuple.of(id, code, odt(now), status))
        .chain(() -> StockRows.release(sql, Map.of(giftId, 1L)))
        .chain(() -> Outbox.insertAll(sql, List.of(Outbox.row(sellerId, event, now))));
  }

  private static Uni<DispatchRow> find(SqlClient sql, UUID id, String sellerId) {
    return sql.preparedQuery("SELECT " + DispatchRow.COLUMNS + DispatchRow.FROM + "WHERE d.id = $1 AND d.seller_id = $2")
        .execute(Tuple.of(id, sellerId)).map(rows -> rows.size() == 0 ? null : DispatchRow.of(rows.iterator().next()));
  }

  /** Refuses a step on a dispatch that moved on: 409 with the reason (version, state, or the 48 hours passed). */
  private static void requireStep(int current, int version, String status, String expected, Instant confirmBy, Instant now) {
    if (!status.equals(expected)) { // first: a dispatch the job failed meanwhile says so (and why), not "retry"
      throw new ApiException(409, "ERR_DISPATCH_STATE", "Not allowed in this state", "this step needs a " + expected + " dispatch; it is " + status);
    }
    if (now.isAfter(confirmBy)) {
      throw new ApiException(409, "ERR_CONFIRM_WINDOW_CLOSED", "Too late",
          "the 48 hours to confirm this dispatch ended at " + confirmBy + "; it will be failed as NOT_CONFIRMED_48H (GFT-8)");
    }
    if (current != version) {
      throw new ApiException(409, "ERR_CONCURRENT_UPDATE", "Conflict",
          "the dispatch is at version " + current + ", not " + version + "; read it again and retry");
    }
  }
}
